import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import type { ReliabilityResults, ReliabilityRow, SecuritySuite } from './reliability-results.ts'
import { describeMachine, partsFile, RESULTS_DIR } from './reliability-results.ts'

const SUITES: readonly SecuritySuite[] = ['hostile', 'fuzz']

const COMMANDS: Readonly<Record<SecuritySuite, string>> = {
  hostile: 'pnpm vitest run --project security hostile defaults',
  fuzz: 'pnpm vitest run --project security fuzz',
}

/**
 * Starts each run with no leftover rows, and ends it by writing `.tmp/reliability/<suite>.json` for
 * each suite that ran at least one case (a suite that did not run keeps its previous file).
 */
export default function setup(): () => void {
  for (const suite of SUITES) rmSync(partsFile(suite), { force: true })
  return () => {
    for (const suite of SUITES) {
      const file = partsFile(suite)
      if (!existsSync(file)) continue
      const rows = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as ReliabilityRow)
      const results: ReliabilityResults = {
        suite,
        generatedAt: new Date().toISOString(),
        node: process.version,
        machine: describeMachine(),
        command: COMMANDS[suite],
        rows,
      }
      writeFileSync(new URL(`${suite}.json`, RESULTS_DIR), `${JSON.stringify(results, null, 2)}\n`)
      rmSync(file, { force: true })
    }
  }
}
