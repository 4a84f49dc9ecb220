import type { Http2ServerRequest } from 'node:http2'
import { parseRequestBody } from '../../rewrite/parse-request-body.ts'
import { toUpstreamHeaders } from '../../rewrite/to-upstream-headers.ts'
import type { RequestContext, UpgradeContext } from '../context.ts'

/**
 * Computes exactly the headers the upstream receives. The rewrite core decides every one of them
 * (hop-by-hop, Host, X-Forwarded-*, Origin/Referer, route headers, and the body's framing); the
 * engine adds none. A request the core refuses (TRACE, a GET or HEAD with a body, unreadable
 * framing) throws its `ProxyError` here, before anything is sent upstream.
 */
export function buildUpstreamHeaders(ctx: RequestContext | UpgradeContext): boolean {
  const { match, dev, req } = ctx
  if (match === undefined || dev === undefined) throw new Error('buildUpstreamHeaders runs after matching')
  const method = req.method ?? 'GET'
  const body = parseRequestBody(method, req.headers, { undeclared: mayCarryUndeclaredBody(req) })
  ctx.body = body
  ctx.upstreamHeaders = toUpstreamHeaders(req.headers, {
    match,
    dev,
    clientAddress: req.socket.remoteAddress,
    upgrade: ctx.kind === 'upgrade',
    body,
    method,
    cors: ctx.engine.cors,
  })
  return false
}

/**
 * HTTP/2 delimits a body by DATA frames, not by a header: unless the HEADERS frame ended the stream,
 * a body may follow that `content-length` does not announce. HTTP/1.1 cannot send one.
 */
function mayCarryUndeclaredBody(req: RequestContext['req']): boolean {
  if (req.httpVersionMajor < 2) return false
  const stream = (req as unknown as Http2ServerRequest).stream as { endAfterHeaders?: boolean } | undefined
  return stream?.endAfterHeaders !== true
}
