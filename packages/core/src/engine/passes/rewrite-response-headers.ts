import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { withCorsHeaders } from '../../rewrite/cors.ts'
import { toClientHeaders } from '../../rewrite/to-client-headers.ts'
import type { RequestContext } from '../context.ts'

/**
 * Replaces the upstream's response head with what the browser gets, as the rewrite core decides
 * (hop-by-hop, Set-Cookie, Location, Content-Location, Refresh, route response headers), then, in CORS
 * mode, the proxy's CORS headers in place of the upstream's. It runs in
 * httpxy's `proxyRes` event, before httpxy copies the headers to the client: `proxyRes` is the
 * engine's own upstream response object, so replacing its `headers` changes nothing of the caller's.
 */
export function rewriteResponseHeaders(ctx: RequestContext, proxyRes: IncomingMessage): void {
  const { match, dev } = ctx
  if (match === undefined || dev === undefined)
    throw new Error('rewriteResponseHeaders runs after forwarding')
  const status = proxyRes.statusCode ?? 502
  ctx.status = status
  const headers = toClientHeaders(proxyRes.headers, { match, dev, status })
  const { cors } = ctx.engine
  proxyRes.headers = (
    cors !== undefined && ctx.corsOrigin !== undefined
      ? withCorsHeaders(headers, cors, ctx.corsOrigin)
      : headers
  ) as IncomingHttpHeaders
}
