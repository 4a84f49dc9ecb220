import { describeUpstreamError } from '../errors/describe-upstream-error.ts'
import { toErrorAnswer } from '../pipeline/to-error-answer.ts'
import type { ForwardPlan } from '../pipeline/types.ts'
import { startUpstreamTimer } from '../pipeline/upstream-timer.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { FetchState } from './fetch-state.ts'
import type { Flight } from './flight.ts'
import { logFailure } from './log-failure.ts'
import { toClientResponse } from './to-client-response.ts'
import { toErrorResponse } from './to-web-response.ts'
import { toUpstreamExchange } from './to-upstream-exchange.ts'

/** The request being forwarded, as the proxy read it. */
export interface ForwardRequest {
  readonly request: Request
  /** The request's headers as the pipeline read them (the error answer's form follows `accept`). */
  readonly headers: ReadonlyHeaderRecord
  /** Path and query, as the failure line names them. */
  readonly url: string
  readonly plan: ForwardPlan
  /** The body to send (the request's, or what a peek made of it); `null`: none. */
  readonly source: ReadableStream<Uint8Array> | null
}

/**
 * Sends the planned request with the proxy's client and resolves with the answer: the upstream's
 * head as `planResponse` rewrote it and its body streamed (backpressure both ways, never buffered).
 * Failures before the head resolve to the 502/504 error answer with one logged line; after it, the
 * body stream errors, so a truncated body is never passed off as complete. A browser that leaves
 * (`request.signal`, or a cancelled body) aborts the upstream request and is not logged.
 */
export function forwardExchange(state: FetchState, forward: ForwardRequest): Promise<Response> {
  const { request, plan } = forward
  const { route } = plan.match
  return new Promise<Response>((resolve) => {
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
        if (!flight.clientLeft) {
          const exchange = { method: request.method, url: forward.url, match: plan.match, upgrade: false }
          logFailure(state, { ...exchange, forwardProxy: flight.forwardProxy }, error)
        }
        flight.answer(toErrorResponse(toErrorAnswer(state.pipeline, error, toAnswerContext(forward))))
      },
      leave: () => {
        flight.clientLeft = true
        const reason = Object.assign(new Error('The client closed the request.'), { code: 'ECONNABORTED' })
        if (flight.end(reason)) flight.answer(new Response(null, { status: 499 }))
      },
    }
    state.inFlight.add(flight.abort)
    flight.timer = startUpstreamTimer(route, {
      onTimeout: flight.fail,
      isWaitingOnUpstream: () => isWaitingOnUpstream(flight),
    })
    if (request.signal.aborted) return flight.leave()
    request.signal.addEventListener('abort', flight.leave, { once: true })
    state.client.request(toUpstreamExchange(state, forward, flight)).then(
      (head) => {
        if (flight.done) return void head.body?.cancel().catch(() => {})
        flight.answer(toClientResponse(state, forward, flight, head))
      },
      (error: unknown) => flight.fail(describeUpstreamError(error, { route, proxy: flight.forwardProxy })),
    )
  })
}

function toAnswerContext(forward: ForwardRequest) {
  const { plan } = forward
  return {
    method: forward.request.method,
    headers: forward.headers,
    route: plan.match.route,
    corsOrigin: plan.corsOrigin,
  }
}

/**
 * False while the browser, not the upstream, holds things up (the Node engine's rule): it is still
 * uploading and the upstream is waiting for its bytes, or it reads the answer slower than the
 * upstream sends (the answer's queue is full).
 */
function isWaitingOnUpstream(flight: Flight): boolean {
  if (flight.download !== undefined) return flight.download.reading() || flight.download.wantsMore()
  if (flight.upload === undefined || flight.uploadEnded) return true
  return !flight.upload.reading()
}
