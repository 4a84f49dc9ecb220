import { describeUpstreamError } from '../errors/describe-upstream-error.ts'
import { toInternalError } from '../errors/to-internal-error.ts'
import { isFallbackStatus } from '../pipeline/mock/fallback.ts'
import type { ForwardPlan, Pipeline } from '../pipeline/types.ts'
import { startUpstreamTimer } from '../pipeline/upstream-timer.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'
import { answerStatusFromMock } from './answer-from-mock.ts'
import type { FetchState } from './fetch-state.ts'
import type { Flight } from './flight.ts'
import { createFlight } from './flight.ts'
import { toClientResponse } from './to-client-response.ts'
import { toUpstreamExchange } from './to-upstream-exchange.ts'

/** The request being forwarded, as the proxy read it. */
export interface ForwardRequest {
  readonly request: Request
  /** The request's headers as the pipeline read them (the error answer's form follows `accept`). */
  readonly headers: ReadonlyHeaderRecord
  /** Path and query, as the failure line names them. */
  readonly url: string
  readonly plan: ForwardPlan
  /** The pipeline that planned it: the answer is rewritten, and a failure answered, by the same one. */
  readonly pipeline: Pipeline
  /** The body to send (the request's, or what a peek made of it); `null`: none. */
  readonly source: ReadableStream<Uint8Array> | null
  /** The exchange as the inspector records it, when it is on. */
  readonly trace: ExchangeTrace | undefined
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
    const flight = createFlight(state, forward, resolve)
    state.inFlight.add(flight.abort)
    flight.timer = startUpstreamTimer(route, {
      onTimeout: flight.fail,
      isWaitingOnUpstream: () => isWaitingOnUpstream(flight),
    })
    if (request.signal.aborted) return flight.leave()
    request.signal.addEventListener('abort', flight.leave, { once: true })
    state.client.request(toUpstreamExchange(forward, flight)).then(
      (head) => {
        if (flight.done) return void head.body?.cancel().catch(() => {})
        if (!isFallbackStatus(route, head.status))
          return flight.answer(toClientResponse(forward, flight, head, state.mockIO))
        // A status the route's mock stands in for: the body waits unread while the mock is asked.
        answerStatusFromMock(state, forward, flight, head.status).then(
          (mocked) => {
            if (mocked !== undefined || flight.done) head.body?.cancel().catch(() => {})
            if (mocked !== undefined) flight.answer(mocked)
            else if (!flight.done) flight.answer(toClientResponse(forward, flight, head, state.mockIO))
          },
          (cause: unknown) => flight.fail(toInternalError(cause)),
        )
      },
      (error: unknown) => flight.fail(describeUpstreamError(error, { route, proxy: flight.forwardProxy })),
    )
  })
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
