import { createError } from '../../errors/proxy-error.ts'
import { toLogSafe } from '../../internal/to-log-safe.ts'
import { isCorsOriginAllowed, toPreflightHeaders } from '../../rewrite/cors.ts'
import type { RequestContext, UpgradeContext } from '../context.ts'

/**
 * CORS mode (`createProxy`'s `cors`, `sameorigin serve --allow-origin`), for pages that cannot be
 * same-origin with the proxy. A request without `Origin` (curl, a navigation) passes untouched. An
 * origin not on the list gets 403 and reaches no backend — requests and WebSocket upgrades alike,
 * since a WebSocket is not covered by CORS at all. A preflight from an allowed origin is answered
 * here, never forwarded; other requests remember the origin, and the response pass writes the CORS
 * headers over the upstream's own.
 */
export function applyCors(ctx: RequestContext | UpgradeContext): boolean {
  const policy = ctx.engine.cors
  if (policy === undefined) return false
  const origin = ctx.req.headers.origin
  if (origin === undefined) return false
  if (!isCorsOriginAllowed(policy, origin)) {
    const shown = toLogSafe(origin)
    ctx.fail(
      createError('ERR_REQUEST_ORIGIN_NOT_ALLOWED', {
        message: `The origin ${shown} is not allowed to call this proxy.`,
        hint: `If the page at ${shown} should call it, allow it: --allow-origin ${shown} (createProxy: cors.origins).`,
        details: { route: ctx.match?.route.id, origin: shown },
      }),
    )
    return true
  }
  if (ctx.kind === 'upgrade') return false
  ctx.corsOrigin = origin
  const { req, res } = ctx
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return false
  res.writeHead(204, { ...toPreflightHeaders(policy, origin, req.headers), 'content-length': '0' })
  if (!req.complete) req.resume()
  res.end()
  return true
}
