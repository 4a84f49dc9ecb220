import { planResponse } from '../plan-response.ts'
import type { ResponsePlan } from '../plan-response.ts'
import type { ForwardPlan, Pipeline } from '../types.ts'
import type { MockAnswer } from './types.ts'

/** The response header that marks a mocked answer: the file below the mock folder, or `handler`. */
export const MOCK_HEADER = 'x-sameorigin-mock'

/** Statuses whose answer never has a body (RFC 9110). */
const NO_BODY = new Set([204, 205, 304])

/** What the browser gets of a mock's answer: the head and whether a body goes with it. */
export interface MockAnswerPlan extends ResponsePlan {
  /** The body to send; `null` for `HEAD`, 204, 205 and 304. */
  readonly body: Uint8Array | ReadableStream<Uint8Array> | null
}

/**
 * A mock's answer as the browser gets it: rewritten by `planResponse` exactly like an upstream's
 * (cookies, `Location`, route response headers, CORS mode), its length from the body it really has,
 * and marked with `x-sameorigin-mock: <file>` (or `handler`).
 */
export function planMockAnswer(
  pipeline: Pipeline,
  plan: ForwardPlan,
  method: string,
  answer: MockAnswer,
): MockAnswerPlan {
  const head = planResponse(pipeline, plan, answer.status, answer.headers)
  const headers = head.headers
  delete headers['content-length']
  const withoutBody = method === 'HEAD' || NO_BODY.has(answer.status)
  if (answer.body instanceof Uint8Array && !NO_BODY.has(answer.status))
    headers['content-length'] = String(answer.body.byteLength)
  headers[MOCK_HEADER] = answer.source
  const body = withoutBody ? null : answer.body
  if (withoutBody && answer.body instanceof ReadableStream) answer.body.cancel().catch(() => {})
  return { ...head, headers, body }
}
