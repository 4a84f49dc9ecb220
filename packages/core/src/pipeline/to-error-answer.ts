import type { ProxyError } from '../errors/proxy-error.ts'
import { renderErrorHtml, toErrorBody } from '../errors/render-error.ts'
import { toCorsHeaders } from '../rewrite/cors.ts'
import type { HeaderRecord, ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { ResolvedRoute } from '../types.ts'
import type { Pipeline } from './types.ts'

/** An error answer, ready for any transport to send. */
export interface ErrorAnswer {
  readonly status: number
  readonly headers: HeaderRecord
  /** `undefined` for a `HEAD` request (its headers still announce the length). */
  readonly body: string | undefined
}

/** What of the request decides the error answer's form. */
export interface ErrorAnswerContext {
  readonly method: string
  readonly headers: ReadonlyHeaderRecord
  readonly route: ResolvedRoute | undefined
  /** In CORS mode, the request's allowed `Origin`: the page must be able to read the error too. */
  readonly corsOrigin: string | undefined
}

const encoder = new TextEncoder()

/**
 * The answer to a request that failed or was refused, with a body chosen by `Accept`: a small HTML
 * page for navigations (the error's explanation folded in where the pipeline can read it), JSON
 * `{ error: { code, message, hint, route, target } }` for everything else (fetch, XHR, curl). Never
 * cached, never sniffed; a 405 names the methods that are forwarded (RFC 9110 §15.5.6).
 */
export function toErrorAnswer(
  pipeline: Pipeline,
  error: ProxyError,
  context: ErrorAnswerContext,
): ErrorAnswer {
  const { route } = context
  const accept = context.headers.accept
  const html = typeof accept === 'string' && accept.includes('text/html')
  const text = html
    ? renderErrorHtml(error, error.status, route, pipeline.explain?.(error.code))
    : `${JSON.stringify(toErrorBody(error, route))}\n`
  const headers: HeaderRecord =
    pipeline.cors !== undefined && context.corsOrigin !== undefined
      ? toCorsHeaders(pipeline.cors, context.corsOrigin)
      : (Object.create(null) as HeaderRecord)
  headers['content-type'] = html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8'
  headers['content-length'] = String(encoder.encode(text).byteLength)
  headers['cache-control'] = 'no-store'
  headers['x-content-type-options'] = 'nosniff'
  if (typeof error.details.allow === 'string') headers.allow = error.details.allow
  if (html) headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'"
  return { status: error.status, headers, body: context.method === 'HEAD' ? undefined : text }
}
