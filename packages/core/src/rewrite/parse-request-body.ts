import { createError } from '../errors/proxy-error.ts'
import type { ReadonlyHeaderRecord } from './types.ts'

/**
 * How a request's body is delimited, as one transport received it. Decides the framing of the
 * upstream request (`toUpstreamHeaders`) and what the transport must enforce while the body flows.
 * - `none`: no body. The upstream request declares none.
 * - `length`: exactly `length` bytes, declared by `Content-Length`. Over HTTP/1.1 Node's parser
 *   enforces it; a transport that cannot (HTTP/2, a Web `Request`) holds the last bytes back until
 *   the body ended cleanly (`guardBodyLength`).
 * - `stream`: a body of unknown length (HTTP/1.1 `Transfer-Encoding: chunked`, HTTP/2 DATA frames
 *   without `content-length`, a Web stream). The upstream request is sent chunked.
 */
export type RequestBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'length'; readonly length: number }
  | { readonly kind: 'stream' }

/** What a transport knows about the body beyond the headers. */
export interface ParseRequestBodyOptions {
  /**
   * A body may follow that no `Content-Length` or `Transfer-Encoding` declares: HTTP/2 without
   * END_STREAM on the HEADERS frame, a Web `Request` whose `body` is not `null`. False for HTTP/1.1,
   * where such a request has no body (RFC 9112 §6.3, item 7).
   */
  readonly undeclared: boolean
}

/** The methods a proxy forwards; `Allow` of a 405. TRACE and CONNECT are never forwarded. */
export const FORWARDED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'

const NONE: RequestBody = Object.freeze({ kind: 'none' })
const STREAM: RequestBody = Object.freeze({ kind: 'stream' })
const DIGITS = /^\d{1,15}$/

/**
 * Reads how the request's body is framed and refuses what no backend should get:
 * - `TRACE` (405): it echoes the request, cookies and the route's injected credentials included
 *   (cross-site tracing), and a body of its own has no meaning.
 * - `GET` or `HEAD` carrying a body (400): RFC 9110 §9.3.1 gives such content no meaning and names
 *   it a request smuggling vector; browsers cannot send one (`fetch` throws), and a Web `Request`
 *   cannot carry one, so no transport could forward it the same way. `Content-Length: 0` is no body.
 * - a `Content-Length` that is not one decimal number (400): HTTP/1.1 parsers refuse it before this
 *   runs; HTTP/2 and Web `Request` headers are checked here.
 * Every other method may carry a body and gets it framed. Throws a `ProxyError`.
 * @example parseRequestBody('DELETE', { 'transfer-encoding': 'chunked' }, { undeclared: false })
 * // → { kind: 'stream' }
 */
export function parseRequestBody(
  method: string,
  headers: ReadonlyHeaderRecord,
  options: ParseRequestBodyOptions,
): RequestBody {
  if (method === 'TRACE') {
    throw createError('ERR_REQUEST_METHOD_NOT_ALLOWED', { details: { method, allow: FORWARDED_METHODS } })
  }
  const body = readFraming(headers, options)
  if (body.kind !== 'none' && (method === 'GET' || method === 'HEAD')) {
    throw createError('ERR_REQUEST_BODY_NOT_ALLOWED', {
      message: `A ${method} request carrying a body is not forwarded: its content has no meaning and could be read as a second request.`,
      details: { method },
    })
  }
  return body
}

function readFraming(headers: ReadonlyHeaderRecord, options: ParseRequestBodyOptions): RequestBody {
  const length = headers['content-length']
  const encoding = headers['transfer-encoding']
  if (encoding !== undefined) {
    // HTTP/1.1: Node's parser accepted it, so `chunked` is last and no Content-Length stands beside
    // it. Anywhere else (HTTP/2 forbids the field) it is a framing no transport can honour.
    if (length !== undefined || !isChunkedLast(encoding)) throw invalidFraming('Transfer-Encoding')
    return STREAM
  }
  if (length !== undefined) {
    if (typeof length !== 'string' || !DIGITS.test(length)) throw invalidFraming('Content-Length')
    const bytes = Number(length)
    return bytes === 0 ? NONE : { kind: 'length', length: bytes }
  }
  return options.undeclared ? STREAM : NONE
}

function isChunkedLast(value: string | readonly string[]): boolean {
  const joined = typeof value === 'string' ? value : value.join(',')
  return /(?:^|,)[ \t]*chunked[ \t]*$/i.test(joined)
}

function invalidFraming(field: string): Error {
  return createError('ERR_REQUEST_FRAMING_INVALID', {
    message: `The request's ${field} does not say where its body ends, so it is not forwarded.`,
    details: { header: field.toLowerCase() },
  })
}
