import type { ProxyError } from '../errors/proxy-error.ts'
import { toInternalError } from '../errors/to-internal-error.ts'
import { toLogSafe } from '../internal/to-log-safe.ts'
import {
  toMockNotFound,
  toStatusFailure,
  toUnansweredFailure,
  describeNoMock,
} from '../pipeline/mock/fallback.ts'
import { findMock } from '../pipeline/mock/find-mock.ts'
import type { MockResult } from '../pipeline/mock/find-mock.ts'
import type { ForwardPlan, Pipeline } from '../pipeline/types.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { ResolvedMock } from '../types.ts'
import type { FetchState } from './fetch-state.ts'
import type { Flight } from './flight.ts'
import type { ForwardRequest } from './forward-exchange.ts'
import { logFailure } from './log-failure.ts'
import { toFetchMockRequest, toMockResponse } from './to-mock-response.ts'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'

/** A request answered by a route's mock in `'always'` mode: what `handleFetch` hands over. */
export interface MockedRequest {
  readonly request: Request
  readonly headers: ReadonlyHeaderRecord
  /** Path and query, for the log lines. */
  readonly url: string
  readonly plan: ForwardPlan
  readonly pipeline: Pipeline
  /** The exchange as the inspector records it, when it is on. */
  readonly trace: ExchangeTrace | undefined
}

/**
 * `'always'` mode: the mock answers and the backend is never contacted. No match is `404
 * ERR_MOCK_NOT_FOUND` naming the files looked for; a failing handler or an unusable file is its
 * own error. Resolves the error as a `ProxyError` for `handleFetch` to answer like a refusal.
 */
export async function answerFromMock(
  state: FetchState,
  mocked: MockedRequest,
): Promise<Response | ProxyError> {
  const { request, plan, pipeline } = mocked
  const mock = plan.match.route.mock as ResolvedMock
  const result = await findMock(mock, toFetchMockRequest(request, mocked.headers, plan, true), state.mockIO)
  if (result.kind === 'answer') {
    // A body the handler left unread is not the host's to receive any further.
    if (request.body !== null && !request.bodyUsed) request.body.cancel().catch(() => {})
    const exchange = { method: request.method, url: mocked.url, trace: mocked.trace }
    return toMockResponse(pipeline, plan, exchange, result.answer)
  }
  return result.kind === 'error' ? result.error : toMockNotFound(request.method, plan.match.path, result)
}

/**
 * The backend failed before its head on a `'fallback'` route (the flight has ended and aborted the
 * upstream request): the mock is asked; its answer resolves the host's promise and the failure's
 * `warn` line says it answered. With none, `answerError` gets the failure, its hint naming the files
 * looked for.
 */
export function fallBackToMock(
  state: FetchState,
  forward: ForwardRequest,
  flight: Flight,
  failure: {
    readonly mock: ResolvedMock
    readonly error: ProxyError
    readonly answerError: (error: ProxyError) => void
  },
): void {
  const { request, plan, pipeline } = forward
  findMock(failure.mock, toFetchMockRequest(request, forward.headers, plan, false), state.mockIO)
    .then((result) => {
      if (result.kind !== 'answer') return failure.answerError(toUnansweredFailure(failure.error, result))
      const exchange = { method: request.method, url: forward.url, match: plan.match, upgrade: false }
      logFailure(
        state,
        pipeline,
        { ...exchange, forwardProxy: flight.forwardProxy, mock: result.answer.source },
        failure.error,
      )
      const mocked = {
        method: request.method,
        url: forward.url,
        trace: forward.trace,
        failure: failure.error,
      }
      flight.answer(toMockResponse(pipeline, plan, mocked, result.answer))
    })
    .catch((cause: unknown) => failure.answerError(toInternalError(cause)))
}

/**
 * The backend answered a status the `'fallback'` mock stands in for: its body waits unread while
 * the mock is asked. Resolves the mock's `Response` (the flight completed, one `warn` line), or
 * `undefined` to pass the backend's answer on.
 */
export async function answerStatusFromMock(
  state: FetchState,
  forward: ForwardRequest,
  flight: Flight,
  status: number,
): Promise<Response | undefined> {
  const { request, plan, pipeline } = forward
  const mock = plan.match.route.mock as ResolvedMock
  const result: MockResult = await findMock(
    mock,
    toFetchMockRequest(request, forward.headers, plan, false),
    state.mockIO,
  )
  const what = `${request.method} ${toLogSafe(forward.url)}: the backend answered ${status}.`
  if (result.kind === 'none') pipeline.log.debug?.(`${what} ${describeNoMock(result)}`)
  if (result.kind === 'error') pipeline.log.warn(`${what} The mock failed: ${result.error.message}`)
  if (result.kind !== 'answer' || flight.done) return undefined
  flight.complete()
  const exchange = { method: request.method, url: forward.url, match: plan.match, upgrade: false }
  logFailure(
    state,
    pipeline,
    { ...exchange, forwardProxy: flight.forwardProxy, mock: result.answer.source },
    toStatusFailure(status),
  )
  const mocked = {
    method: request.method,
    url: forward.url,
    trace: forward.trace,
    failure: toStatusFailure(status),
  }
  return toMockResponse(pipeline, plan, mocked, result.answer)
}
