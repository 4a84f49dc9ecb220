import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ProxyError } from '../errors/proxy-error.ts'
import type { ResolvedRoute } from '../types.ts'
import { findErrorPage } from '../errors/read-error-page.ts'
import { renderErrorHtml, toErrorBody } from '../errors/render-error.ts'

/** Whether the client asked for a page (a navigation) rather than data. */
function wantsHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept
  return typeof accept === 'string' && accept.includes('text/html')
}

/**
 * Answers `req` with `error`'s status and a body chosen by `Accept`: a small HTML page for navigations,
 * JSON `{ error: { code, message, hint, route, target } }` for everything else (fetch, XHR, curl).
 * Only call it while `res.headersSent` is false. The connection stays keep-alive: a request body the
 * upstream did not read is drained, so the next request on this connection can be parsed.
 */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  error: ProxyError,
  route: ResolvedRoute | undefined,
): void {
  const status = error.status
  const html = wantsHtml(req)
  const body = html
    ? renderErrorHtml(error, status, route, findErrorPage(error.code))
    : `${JSON.stringify(toErrorBody(error, route))}\n`
  res.statusCode = status
  res.setHeader('content-type', html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(body))
  res.setHeader('cache-control', 'no-store')
  res.setHeader('x-content-type-options', 'nosniff')
  // A 405 names the methods that are forwarded (RFC 9110 §15.5.6).
  if (typeof error.details.allow === 'string') res.setHeader('allow', error.details.allow)
  if (html) res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  if (!req.complete) req.resume()
  res.end(req.method === 'HEAD' ? undefined : body)
}
