import type { TLSSocket } from 'node:tls'
import { isHostAllowed } from 'host-validation-middleware'
import { createError } from '../../errors/proxy-error.ts'
import { toDevOrigin } from '../../rewrite/to-dev-origin.ts'
import type { RequestContext, UpgradeContext } from '../context.ts'

/**
 * Reads the origin the browser used (its `Host` and whether the connection is TLS), so `localhost`,
 * `127.0.0.1` and a LAN address all work at once. It only feeds the reverse rewrites (cookies,
 * redirects, `Origin`); it never chooses the target. No usable `Host`: 400 (RFC 9112 §3.2). A host
 * the dev server does not answer for: 403, the check Vite and webpack-dev-server make against DNS
 * rebinding (the same `host-validation-middleware` Vite uses), for upgrades as well as requests. A
 * repeated `Host` is a bad `Host`: 400.
 */
export function readDevOrigin(ctx: RequestContext | UpgradeContext): boolean {
  const encrypted = (ctx.req.socket as Partial<TLSSocket>).encrypted === true
  const details = ctx.match === undefined ? undefined : { route: ctx.match.route.id }
  ctx.dev = hasOneHost(ctx.req.rawHeaders) ? toDevOrigin(ctx.req.headers, encrypted) : undefined
  if (ctx.dev === undefined) {
    ctx.fail(createError('ERR_REQUEST_HOST_INVALID', { details }))
    return true
  }
  const { allowedHosts } = ctx.engine
  if (allowedHosts === true || isHostAllowed(ctx.dev.host, allowedHosts)) return false
  // The host name passed toDevOrigin's syntax check, so it is safe to name (and it is escaped anyway).
  const host = ctx.dev.hostname
  ctx.fail(
    createError('ERR_REQUEST_HOST_NOT_ALLOWED', {
      message: `This dev server does not answer for the host ${host} (DNS rebinding protection).`,
      hint: `If you meant to use ${host}, allow it: allowedHosts: ['${host}'] (in Vite: server.allowedHosts).`,
      details: { ...details, host },
    }),
  )
  return true
}

/**
 * At most one `Host` field (RFC 9112 §3.2: a request with more than one MUST get 400). Node keeps
 * only the first in `req.headers`, so a second one naming another host would pass the host check
 * unseen, and a server behind us reading the last one would disagree about which host was asked.
 */
function hasOneHost(rawHeaders: readonly string[]): boolean {
  let seen = 0
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string
    if (name.length === 4 && name.toLowerCase() === 'host' && ++seen > 1) return false
  }
  return true
}
