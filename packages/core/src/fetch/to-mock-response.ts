import { toLogSafe } from '../internal/to-log-safe.ts'
import type { MockRequest } from '../pipeline/mock/find-mock.ts'
import { planMockAnswer } from '../pipeline/mock/plan-mock-answer.ts'
import type { MockAnswer } from '../pipeline/mock/types.ts'
import type { ForwardPlan, Pipeline } from '../pipeline/types.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import { toWebResponse } from './to-web-response.ts'

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

/**
 * A mock's answer as the browser's `Response` (`planMockAnswer`: rewritten like an upstream's,
 * marked `x-sameorigin-mock`), and its one `debug` line.
 */
export function toMockResponse(
  pipeline: Pipeline,
  plan: ForwardPlan,
  request: { readonly method: string; readonly url: string },
  answer: MockAnswer,
): Response {
  const planned = planMockAnswer(pipeline, plan, request.method, answer)
  pipeline.log.debug?.(
    `${toLogSafe(request.method)} ${toLogSafe(request.url)} → mock ${answer.source} ${planned.status}`,
  )
  return toWebResponse(planned.body, planned.status, '', planned.headers)
}
