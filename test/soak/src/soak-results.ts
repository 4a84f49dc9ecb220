import { appendFileSync, mkdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

/** One soak case as `docs/reliability.md` shows it (the format the reliability suites share). */
export interface ReliabilityRow {
  readonly host: string
  readonly case: string
  readonly expected: string
  readonly observed: string
  readonly pass: boolean
  readonly figures?: Readonly<Record<string, number | string>>
}

/** `<repo root>/.tmp/reliability/`: `.tmp` is git-ignored. */
export const RESULTS_DIR: URL = new URL('../../../.tmp/reliability/', import.meta.url)

/** Where rows wait until the global teardown writes `soak.json`. */
export const PARTS_FILE: URL = new URL('parts/soak.jsonl', RESULTS_DIR)

/** Records one case that ran (passed or not), one JSON line per row. */
export function recordRow(row: ReliabilityRow): void {
  mkdirSync(new URL('parts/', RESULTS_DIR), { recursive: true })
  appendFileSync(PARTS_FILE, `${JSON.stringify(row)}\n`)
}

/** `2 cores, 7.8 GiB, <CPU model>`: what the figures were measured on. */
export function describeMachine(): string {
  const list = cpus()
  const gib = (totalmem() / 2 ** 30).toFixed(1)
  return `${list.length} cores, ${gib} GiB, ${list[0]?.model.trim() ?? 'unknown CPU'}`
}

/** Bytes as MiB with one decimal. */
export function toMiB(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10
}
