import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import process from 'node:process'

/** One case on one host, as `scripts/gen-reliability.mjs` prints it in `docs/reliability.md`. */
export interface ReliabilityRow {
  /** The host, by its file name in `test/conformance/hosts/` (`core-server`, `vite-dev`, ...). */
  readonly host: string
  /** Human title, e.g. `upstream reset mid-body`. */
  readonly case: string
  /** What must happen, e.g. `client sees an aborted response; next request 200`. */
  readonly expected: string
  /** What happened, e.g. `502 ERR_UPSTREAM_RESET; sockets 3→3`. */
  readonly observed: string
  readonly pass: boolean
  /** Measured numbers, e.g. `{ socketsBefore: 3, socketsAfter: 3 }`. */
  readonly figures?: Record<string, number | string>
}

/** `<repo root>/.tmp/reliability/<suite>.json`: one suite's last run. */
export interface ReliabilityResults {
  readonly suite: 'faults' | 'hostile' | 'fuzz' | 'soak'
  /** ISO date. */
  readonly generatedAt: string
  /** `process.version`. */
  readonly node: string
  /** `<cores> cores, <GiB> GiB, <CPU model>`. */
  readonly machine: string
  /** How to run it again. */
  readonly command: string
  readonly rows: readonly ReliabilityRow[]
}

const RESULTS_DIR = new URL('../../../.tmp/reliability/', import.meta.url)

/** This machine, as the results describe it. */
export function describeMachine(): string {
  const cores = cpus()
  const gib = (totalmem() / 1024 ** 3).toFixed(1)
  return `${cores.length} cores, ${gib} GiB, ${cores[0]?.model.trim() ?? 'unknown CPU'}`
}

/**
 * Writes `.tmp/reliability/<suite>.json` (gitignored) from the rows of the cases that ran,
 * replacing the previous run's file. Nothing is written when no case ran (every host failed to
 * start): an empty table would read as "nothing to report".
 */
export function writeResults(
  suite: ReliabilityResults['suite'],
  command: string,
  rows: readonly ReliabilityRow[],
): string | undefined {
  if (rows.length === 0) return undefined
  const results: ReliabilityResults = {
    suite,
    generatedAt: new Date().toISOString(),
    node: process.version,
    machine: describeMachine(),
    command,
    rows,
  }
  mkdirSync(RESULTS_DIR, { recursive: true })
  const file = new URL(`${suite}.json`, RESULTS_DIR)
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  return file.pathname
}
