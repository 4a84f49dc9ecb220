import type { FaultUpstream } from '../src/fault-upstream.ts'
import type { Trace } from '../src/trace.ts'

/** What a case reports about what happened, for the results table. */
export interface Observation {
  /** One line, e.g. `502 ERR_UPSTREAM_RESET`. */
  readonly observed: string
  /** Numbers worth keeping, e.g. `{ elapsedMs: 1012 }`. */
  readonly figures?: Record<string, number | string>
}

/**
 * One row of the fault table: an upstream that misbehaves in one way, what the browser does, and
 * what must come of it. The runner adds what every fault must also satisfy: the next request through
 * the same host answers 200, and the socket count returns to where it was.
 */
export interface Fault<Outcome = unknown> {
  /** The route on the host (`/<id>`), so each fault has its own upstream. */
  readonly id: string
  /** The title in test names and the results, e.g. `upstream reset mid-body`. */
  readonly name: string
  /** What must happen, in words, for the results. */
  readonly expected: string
  /** The route's `timeout` (ms), for faults about upstream silence. @default the route default */
  readonly timeout?: number
  /** The upstream's behaviour: started once per host, before the host (its URL is the target). */
  readonly upstream: (trace: Trace) => Promise<FaultUpstream>
  /** What the client does at `url` (`<host>/<id>`), and what it saw. */
  readonly client: (url: string, trace: Trace) => Promise<Outcome>
  /**
   * The expected outcome, asserted with vitest's `expect` on what the client saw and what the trace
   * holds (waiting on it where the upstream's side settles later); returns what happened, for the
   * results.
   */
  verify(outcome: Outcome, trace: Trace): Observation | Promise<Observation>
}

/**
 * Declares one fault with its outcome type checked between `client` and `verify`; the table then
 * holds faults of different outcome types side by side (`verify` is a method, so it widens).
 */
export function defineFault<Outcome>(fault: Fault<Outcome>): Fault {
  return fault
}
