import type { ProxyError } from '../errors/proxy-error.ts'
import { toFallbackMock } from '../pipeline/mock/fallback.ts'
import type { ErrorAnswerContext } from '../pipeline/to-error-answer.ts'
import { toErrorAnswer } from '../pipeline/to-error-answer.ts'
import type { UpstreamTimer } from '../pipeline/upstream-timer.ts'
import { fallBackToMock } from './answer-from-mock.ts'
import type { FetchState } from './fetch-state.ts'
import type { ForwardRequest } from './forward-exchange.ts'
import { logFailure } from './log-failure.ts'
import { CLIENT_LEFT } from '../inspector/trace-exchange.ts'
import type { Relay } from './relay-stream.ts'
import { toErrorResponse } from './to-web-response.ts'

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
  /**
   * Ends the exchange with `error`: one line, then the error answer or an errored body; on a
   * `'fallback'` route, first the mock (whose answer, if it has one, goes to the browser instead).
   */
  readonly fail: (error: ProxyError) => void
  /** The browser left: the upstream request is aborted, nothing is logged. */
  readonly leave: () => void
}

/**
 * The state of one exchange, with its ways to end: `answer` resolves the host's promise once, `fail`
 * logs one line (unless the browser left) and answers the error or errors the body, `leave` aborts
 * the upstream quietly, `complete` stops the clocks of an exchange that ended well.
 */
export function createFlight(
  state: FetchState,
  forward: ForwardRequest,
  resolve: (response: Response) => void,
): Flight {
  const { request, plan } = forward
  const flight: Flight = {
    abort: new AbortController(),
    uploadEnded: false,
    clientLeft: false,
    answered: false,
    done: false,
    answer: (response) => {
      if (flight.answered) return
      flight.answered = true
      resolve(response)
    },
    end: (reason) => {
      if (flight.done) return false
      flight.done = true
      flight.timer?.clear()
      state.inFlight.delete(flight.abort)
      flight.abort.abort(reason)
      flight.upload?.error(reason)
      flight.download?.error(reason)
      return true
    },
    complete: () => {
      if (flight.done) return
      flight.done = true
      flight.timer?.clear()
      state.inFlight.delete(flight.abort)
    },
    fail: (error) => {
      if (!flight.end(error)) return
      const answerError = (final: ProxyError): void => {
        if (!flight.clientLeft) {
          const exchange = { method: request.method, url: forward.url, match: plan.match, upgrade: false }
          logFailure(state, forward.pipeline, { ...exchange, forwardProxy: flight.forwardProxy }, final)
        }
        const { trace } = forward
        if (!flight.answered) {
          const answer = toErrorAnswer(forward.pipeline, final, toAnswerContext(forward))
          trace?.fail(answer, final)
          flight.answer(toErrorResponse(answer))
        }
        trace?.end(final)
      }
      const mock = flight.answered || flight.clientLeft ? undefined : toFallbackMock(plan.match.route, error)
      if (mock === undefined) return answerError(error)
      fallBackToMock(state, forward, flight, { mock, error, answerError })
    },
    leave: () => {
      flight.clientLeft = true
      forward.trace?.end(CLIENT_LEFT)
      const reason = Object.assign(new Error('The client closed the request.'), { code: 'ECONNABORTED' })
      if (flight.end(reason)) flight.answer(new Response(null, { status: 499 }))
    },
  }
  return flight
}

function toAnswerContext(forward: ForwardRequest): ErrorAnswerContext {
  const { plan } = forward
  return {
    method: forward.request.method,
    headers: forward.headers,
    route: plan.match.route,
    corsOrigin: plan.corsOrigin,
  }
}
