import type { TLSSocket } from 'node:tls'
import { createError } from '../../errors/proxy-error.ts'
import { toDevOrigin } from '../../rewrite/to-dev-origin.ts'
import type { RequestContext, UpgradeContext } from '../context.ts'

/**
 * Reads the origin the browser used (its `Host` and whether the connection is TLS), so `localhost`,
 * `127.0.0.1` and a LAN address all work at once. It only feeds the reverse rewrites (cookies,
 * redirects, `Origin`); it never chooses the target. No usable `Host`: 400 (RFC 9112 §3.2).
 */
export function readDevOrigin(ctx: RequestContext | UpgradeContext): boolean {
  const encrypted = (ctx.req.socket as Partial<TLSSocket>).encrypted === true
  ctx.dev = toDevOrigin(ctx.req.headers, encrypted)
  if (ctx.dev !== undefined) return false
  ctx.fail(
    createError('ERR_REQUEST_HOST_INVALID', {
      details: ctx.match === undefined ? undefined : { route: ctx.match.route.id },
    }),
  )
  return true
}
