import { toLogSafe } from '../internal/to-log-safe.ts'
import type { MockRequest } from '../pipeline/mock/find-mock.ts'
import { planMockAnswer } from '../pipeline/mock/plan-mock-answer.ts'
import type { MockAnswer } from '../pipeline/mock/types.ts'
import type { ForwardPlan, Pipeline } from '../pipeline/types.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import { toWebResponse } from './to-web-response.ts'
import { traceMockBody } from './trace-mock-body.ts'
import type { ExchangeFailure } from '../inspect/types.ts'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'

/**
 * The request as a mock reads it. With `withBody` (`'always'` mode) a handler gets the browser's
 * `Request` itself, body unread; in `'fallback'` mode the body went to the backend, so it gets a copy
 * without one.
 */
export function toFetchMockRequest(
  request: Request,
  headers: ReadonlyHeaderRecord,
  plan: ForwardPlan,
  withBody: boolean,
): MockRequest {
  const { match } = plan
  return {
    method: request.method,
    path: match.path,
    search: match.search,
    headers,
    toRequest: () =>
      withBody ? request : new Request(request.url, { method: request.method, headers: request.headers }),
  }
}

/** The request a mock answers, and how the inspector records it. */
export interface MockedExchange {
  readonly method: string
  /** Path and query, for the `debug` line. */
  readonly url: string
  readonly trace?: ExchangeTrace | undefined
  /** The backend's failure the mock stands in for (`'fallback'` mode), recorded with the answer. */
  readonly failure?: ExchangeFailure | undefined
}

/**
 * A mock's answer as the browser's `Response` (`planMockAnswer`: rewritten like an upstream's,
 * marked `x-sameorigin-mock`), and its one `debug` line.
 */
export function toMockResponse(
  pipeline: Pipeline,
  plan: ForwardPlan,
  request: MockedExchange,
  answer: MockAnswer,
): Response {
  const planned = planMockAnswer(pipeline, plan, request.method, answer)
  pipeline.log.debug?.(
    `${toLogSafe(request.method)} ${toLogSafe(request.url)} → mock ${answer.source} ${planned.status}`,
  )
  const { trace } = request
  trace?.respond(planned, answer)
  const body = trace === undefined ? planned.body : traceMockBody(planned.body, trace, request.failure)
  return toWebResponse(body, planned.status, '', planned.headers)
}
