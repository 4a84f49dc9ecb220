import * as fc from 'fast-check'
import { recordReliabilityRow } from '@sameorigin/test-utils'

/** How many inputs each property tries unless it says otherwise: enough to find rare encodings. */
export const DEFAULT_RUNS = 3000

/** What one property is, for the report. */
export interface PropertyReport {
  /** The pure module under test: `core/rules` or `core/rewrite`. */
  readonly module: string
  /** The property, as a sentence that must stay true. */
  readonly title: string
}

/** Options of {@link checkProperty}. */
export interface CheckOptions<Ts> {
  /** fast-check parameters (`numRuns`, `seed`...). */
  readonly parameters?: fc.Parameters<Ts>
  /**
   * Counters the property increments (`matched`, `refused`...), reported as figures: they show the
   * inputs really reached the code under test instead of being filtered out.
   */
  readonly tally?: Record<string, number>
}

/** What {@link checkProperty} answers when the property held. */
export const HELD = 'held'

/**
 * Runs a fast-check property and records it as a fuzz row (inputs tried, seed, tallies, and the
 * shrunk counterexample when it fails). Answers {@link HELD}, or fast-check's own report, which has
 * the seed to replay it (`fc.assert(..., { seed, path })`): `expect(checkProperty(...)).toBe(HELD)`.
 */
export function checkProperty<Ts>(
  report: PropertyReport,
  property: fc.IProperty<Ts>,
  options: CheckOptions<Ts> = {},
): string {
  return record(report, fc.check(property, { numRuns: DEFAULT_RUNS, ...options.parameters }), options)
}

/**
 * {@link checkProperty} for an async property (one that talks to real servers): pass `numRuns` in
 * `parameters`, since each run costs real exchanges.
 */
export async function checkAsyncProperty<Ts>(
  report: PropertyReport,
  property: fc.IAsyncProperty<Ts>,
  options: CheckOptions<Ts> = {},
): Promise<string> {
  return record(report, await fc.check(property, { numRuns: DEFAULT_RUNS, ...options.parameters }), options)
}

function record<Ts>(report: PropertyReport, details: fc.RunDetails<Ts>, options: CheckOptions<Ts>): string {
  const runs = details.numRuns
  recordReliabilityRow('fuzz', {
    host: report.module,
    case: report.title,
    expected: `holds for every generated input`,
    observed: details.failed
      ? `counterexample after ${runs} inputs: ${truncate(fc.stringify(details.counterexample))}; ${truncate(String(details.errorInstance))}`
      : `held for ${runs} inputs (seed ${details.seed})`,
    pass: !details.failed,
    figures: {
      runs,
      seed: details.seed,
      ...options.tally,
      ...(details.failed ? { shrinks: details.numShrinks } : {}),
    },
  })
  return details.failed ? (fc.defaultReportMessage(details) ?? 'property failed') : HELD
}

function truncate(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
