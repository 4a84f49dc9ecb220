import { isProxyError } from '../../errors/proxy-error.ts'
import { matchRequest } from '../../rules/match-request.ts'
import type { RequestContext } from '../context.ts'

/**
 * Finds the route. No route: `next()`, and the request is the host's, untouched. A path the rules
 * refuse (`ERR_REQUEST_PATH_UNSAFE`): 400, and nothing reaches any upstream. The request's own
 * target (absolute-form included) and `Host` only ever select a route, never a host to connect to.
 */
export function matchRoute(ctx: RequestContext): boolean {
  const { req } = ctx
  try {
    ctx.match = matchRequest(ctx.engine.config, {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
    })
  } catch (error) {
    if (!isProxyError(error)) throw error
    ctx.fail(error)
    return true
  }
  if (ctx.match !== undefined) return false
  ctx.next()
  return true
}
