import { appendFileSync, mkdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

/** The suites this project reports on: raw hostile requests, and the fast-check properties. */
export type SecuritySuite = 'hostile' | 'fuzz'

/** One case as `docs/reliability.md` shows it (the format every reliability suite shares). */
export interface ReliabilityRow {
  /** Where it ran: `core-server`, `vite-dev`, or the pure module for a property (`core/rules`). */
  readonly host: string
  readonly case: string
  readonly expected: string
  readonly observed: string
  readonly pass: boolean
  readonly figures?: Readonly<Record<string, number | string>>
}

/** The file each suite's results go to, read by `scripts/gen-reliability.mjs`. */
export interface ReliabilityResults {
  readonly suite: string
  readonly generatedAt: string
  readonly node: string
  readonly machine: string
  readonly command: string
  readonly rows: readonly ReliabilityRow[]
}

/** `<repo root>/.tmp/reliability/`: `.tmp` is git-ignored. */
export const RESULTS_DIR: URL = new URL('../../../.tmp/reliability/', import.meta.url)

/** Where rows wait, one JSON line each, until the global teardown gathers them into `<suite>.json`. */
export function partsFile(suite: SecuritySuite): URL {
  return new URL(`parts/security-${suite}.jsonl`, RESULTS_DIR)
}

/**
 * Records one case that ran. Test files run in several workers at once, so each row is one append
 * of one line (a single `write` with O_APPEND: lines never interleave), gathered at teardown.
 */
export function recordRow(suite: SecuritySuite, row: ReliabilityRow): void {
  mkdirSync(new URL('parts/', RESULTS_DIR), { recursive: true })
  appendFileSync(partsFile(suite), `${JSON.stringify(row)}\n`)
}

/** `2 cores, 7.8 GiB, <CPU model>`: what the figures were measured on. */
export function describeMachine(): string {
  const list = cpus()
  const gib = (totalmem() / 2 ** 30).toFixed(1)
  return `${list.length} cores, ${gib} GiB, ${list[0]?.model.trim() ?? 'unknown CPU'}`
}
