import type { ProxyError } from '../../errors/proxy-error.ts'
import { createError } from '../../errors/proxy-error.ts'
import { toDevOrigin } from '../../rewrite/to-dev-origin.ts'
import { isHostAllowed } from '../../rules/is-host-allowed.ts'
import type { PlanState } from './plan-state.ts'

/**
 * Reads the origin the browser used (its `Host` and whether the connection is TLS), so `localhost`,
 * `127.0.0.1` and a LAN address all work at once. It only feeds the reverse rewrites (cookies,
 * redirects, `Origin`); it never chooses the target. No usable `Host`, or more than one: 400 (RFC 9112
 * §3.2; a second `Host` naming another host would pass this check unseen, and a server behind us
 * reading the last one would disagree about which host was asked). A host the dev server does not
 * answer for: 403, the check Vite and webpack-dev-server make against DNS rebinding, for upgrades as
 * well as requests.
 */
export function checkHost(state: PlanState): ProxyError | undefined {
  const { request, pipeline } = state
  const details = state.match === undefined ? undefined : { route: state.match.route.id }
  const dev = request.repeatedHost ? undefined : toDevOrigin(request.headers, request.encrypted)
  if (dev === undefined) return createError('ERR_REQUEST_HOST_INVALID', { details })
  state.dev = dev
  const { allowedHosts } = pipeline
  if (allowedHosts === true || isHostAllowed(dev, allowedHosts)) return undefined
  // The host name passed toDevOrigin's syntax check, so it is safe to name (and it is escaped anyway).
  const host = dev.hostname
  return createError('ERR_REQUEST_HOST_NOT_ALLOWED', {
    message: `This dev server does not answer for the host ${host} (DNS rebinding protection).`,
    hint: `If you meant to use ${host}, allow it: allowedHosts: ['${host}'] (Vite: server.allowedHosts; Storybook: core.allowedHosts; Angular: the serve target's allowedHosts).`,
    details: { ...details, host },
  })
}
