import type { ErrorAnswer } from '../pipeline/to-error-answer.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import { toWebHeaders } from './to-web-headers.ts'

/**
 * Statuses whose response never has a body (RFC 9110 §6.4.1, §15.3.6, §15.4.5); a Web `Response`
 * refuses one.
 */
export const NO_BODY_STATUSES: ReadonlySet<number> = new Set([101, 204, 205, 304])

/**
 * A Web `Response` with `headers` appended one field at a time (`Set-Cookie` kept apart). A status
 * text the runtime refuses (control characters from a misbehaving upstream) is dropped, not thrown.
 * @example toWebResponse(null, 204, '', plan.headers)
 */
export function toWebResponse(
  body: ReadableStream<Uint8Array> | Uint8Array | string | null,
  status: number,
  statusText: string,
  headers: ReadonlyHeaderRecord,
): Response {
  const init = { status, statusText, headers: toWebHeaders(headers) }
  try {
    return new Response(body, init)
  } catch (error) {
    if (statusText === '') throw error
    return new Response(body, { ...init, statusText: '' })
  }
}

/** The pipeline's error answer (`toErrorAnswer`) as a Web `Response`. */
export function toErrorResponse(answer: ErrorAnswer): Response {
  return toWebResponse(answer.body ?? null, answer.status, '', answer.headers)
}
