import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import process from 'node:process'

/** The suites `scripts/gen-reliability.mjs` turns into `docs/reliability.md`. */
export type ReliabilitySuite = 'faults' | 'hostile' | 'fuzz' | 'soak'

/** One case, as `docs/reliability.md` shows it. */
export interface ReliabilityRow {
  /** Where it ran: `core-server`, `vite-dev`, ..., or the pure module of a property (`core/rules`). */
  readonly host: string
  /** Human title, e.g. `upstream reset mid-body`. */
  readonly case: string
  /** What must happen, e.g. `client sees an aborted response; next request 200`. */
  readonly expected: string
  /** What happened, e.g. `502 ERR_UPSTREAM_RESET; sockets 3→3`. */
  readonly observed: string
  readonly pass: boolean
  /** Measured numbers, e.g. `{ socketsBefore: 3, socketsAfter: 3 }`. */
  readonly figures?: Readonly<Record<string, number | string>>
}

/** `<repo root>/.tmp/reliability/<suite>.json`: one suite's last run. */
export interface ReliabilityResults {
  readonly suite: ReliabilitySuite
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

/** `<repo root>/.tmp/reliability/` (`.tmp` is git-ignored). */
export const RELIABILITY_RESULTS_DIR: URL = new URL('../../../.tmp/reliability/', import.meta.url)

/** This machine, as the results describe it: `2 cores, 23.5 GiB, <CPU model>`. */
export function describeMachine(): string {
  const list = cpus()
  const gib = (totalmem() / 2 ** 30).toFixed(1)
  return `${list.length} cores, ${gib} GiB, ${list[0]?.model.trim() ?? 'unknown CPU'}`
}

/**
 * Writes `.tmp/reliability/<suite>.json` from the rows of the cases that ran, replacing the previous
 * run's file, and returns its path. Nothing is written when no case ran: an empty table would read as
 * "nothing to report".
 */
export function writeReliabilityResults(
  suite: ReliabilitySuite,
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
  mkdirSync(RELIABILITY_RESULTS_DIR, { recursive: true })
  const file = new URL(`${suite}.json`, RELIABILITY_RESULTS_DIR)
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
  return file.pathname
}

function partsFile(suite: ReliabilitySuite): URL {
  return new URL(`parts/${suite}.jsonl`, RELIABILITY_RESULTS_DIR)
}

/**
 * Records one case of `suite` that ran, from any test worker: each row is one append of one line (a
 * single `write` with O_APPEND, so lines from parallel workers never interleave), gathered by
 * {@link collectReliabilityRows} in the global teardown.
 */
export function recordReliabilityRow(suite: ReliabilitySuite, row: ReliabilityRow): void {
  mkdirSync(new URL('parts/', RELIABILITY_RESULTS_DIR), { recursive: true })
  appendFileSync(partsFile(suite), `${JSON.stringify(row)}\n`)
}

/** Forgets rows a previous, interrupted run left (call it in the global setup). */
export function clearReliabilityRows(suite: ReliabilitySuite): void {
  rmSync(partsFile(suite), { force: true })
}

/**
 * Gathers the rows {@link recordReliabilityRow} wrote for `suite` into `<suite>.json` (a suite that
 * ran no case keeps its previous file). Call it in the global teardown.
 */
export function collectReliabilityRows(suite: ReliabilitySuite, command: string): string | undefined {
  const file = partsFile(suite)
  if (!existsSync(file)) return undefined
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ReliabilityRow)
  rmSync(file, { force: true })
  return writeReliabilityResults(suite, command, rows)
}
