import { isProxyError } from '../../errors/proxy-error.ts'
import { matchRequest } from '../../rules/match-request.ts'
import type { UpgradeContext } from '../context.ts'

/** Whether the handshake asks for a WebSocket (RFC 6455 §4.1): `GET` with `Upgrade: websocket`. */
function isWebSocketHandshake(ctx: UpgradeContext): boolean {
  const { method, headers } = ctx.req
  return (
    method === 'GET' && typeof headers.upgrade === 'string' && headers.upgrade.toLowerCase() === 'websocket'
  )
}

/**
 * Decides whether an upgrade is ours. Left to the host (`upgrade()` returns `false`, the socket is
 * untouched): anything but a WebSocket handshake, the host's own HMR paths (even under a catch-all
 * route), unmatched paths and routes with `ws: false`. A path the rules refuse is answered 400 here,
 * so it can reach no upstream through the host either.
 */
export function matchUpgrade(ctx: UpgradeContext): boolean {
  const { req, engine } = ctx
  const url = req.url ?? '/'
  const query = url.indexOf('?')
  if (!isWebSocketHandshake(ctx) || engine.hmrPaths.has(query === -1 ? url : url.slice(0, query))) {
    ctx.declined = true
    return true
  }
  try {
    ctx.match = matchRequest(engine.config, { method: 'GET', url, headers: req.headers })
  } catch (error) {
    if (!isProxyError(error)) throw error
    ctx.fail(error)
    return true
  }
  if (ctx.match !== undefined && ctx.match.route.ws) return false
  ctx.match = undefined
  ctx.declined = true
  return true
}
