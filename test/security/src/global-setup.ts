import { clearReliabilityRows, collectReliabilityRows } from '@sameorigin/test-utils'

const COMMANDS = {
  hostile: 'pnpm vitest run --project security hostile defaults',
  fuzz: 'pnpm vitest run --project security fuzz',
} as const

/**
 * Starts each run with no leftover rows, and ends it by writing `.tmp/reliability/<suite>.json` for
 * each suite that ran at least one case (a suite that did not run keeps its previous file).
 */
export default function setup(): () => void {
  clearReliabilityRows('hostile')
  clearReliabilityRows('fuzz')
  return () => {
    collectReliabilityRows('hostile', COMMANDS.hostile)
    collectReliabilityRows('fuzz', COMMANDS.fuzz)
  }
}
