import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import type { ReliabilityRow } from './soak-results.ts'
import { describeMachine, PARTS_FILE, RESULTS_DIR } from './soak-results.ts'

/** Clears leftover rows, and at the end writes `.tmp/reliability/soak.json` if any case ran. */
export default function setup(): () => void {
  rmSync(PARTS_FILE, { force: true })
  return () => {
    if (!existsSync(PARTS_FILE)) return
    const rows = readFileSync(PARTS_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as ReliabilityRow)
    const results = {
      suite: 'soak',
      generatedAt: new Date().toISOString(),
      node: process.version,
      machine: describeMachine(),
      command: 'pnpm test:soak',
      rows,
    }
    writeFileSync(new URL('soak.json', RESULTS_DIR), `${JSON.stringify(results, null, 2)}\n`)
    rmSync(PARTS_FILE, { force: true })
  }
}
