import type { ProxyError } from '../errors/proxy-error.ts'
import type { UpstreamTimer } from '../pipeline/upstream-timer.ts'
import type { Relay } from './relay-stream.ts'

/** The state of one forwarded request of the Fetch transport. Internal. */
export interface Flight {
  /** Aborts the upstream request (the exchange's `signal`). */
  readonly abort: AbortController
  timer?: UpstreamTimer
  /** The upload as the client reads it. */
  upload?: Relay
  /** The answer's body as the browser reads it, once the head arrived. */
  download?: Relay
  /** The browser's body ended cleanly (all of it was handed to the client). */
  uploadEnded: boolean
  /** The forward proxy in use (credentials removed), for the failure line. */
  forwardProxy?: string
  /** The browser left: nothing that breaks after is logged. */
  clientLeft: boolean
  /** The `Response` was handed to the host. */
  answered: boolean
  /** The exchange ended (completed, failed or left); later events are consequences. */
  done: boolean
  /** Resolves the host's promise once. */
  readonly answer: (response: Response) => void
  /** The answer's body was read to its end: the clocks stop, the connection is kept. */
  readonly complete: () => void
  /** Ends the exchange with `reason` (clocks off, upstream aborted, streams errored); false if it had. */
  readonly end: (reason: unknown) => boolean
  /** Ends the exchange with `error`: one line, then the error answer or an errored body. */
  readonly fail: (error: ProxyError) => void
  /** The browser left: the upstream request is aborted, nothing is logged. */
  readonly leave: () => void
}
