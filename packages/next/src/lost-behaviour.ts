import type { ResolvedRoute } from '@sameorigin/core/rules'

/**
 * Something a route does that a Next rewrite cannot: `skipped` routes get no rewrite at all (their
 * matching cannot be expressed), the others are forwarded without that behaviour.
 */
export interface LostBehaviour {
  /** The route, as its key is written (`/api`, `^/v\d`). */
  readonly route: string
  /** What is lost, for the printed list (`Set-Cookie rewriting (cookies)`). */
  readonly behaviour: string
  /** True when the route is not forwarded by a rewrite at all. */
  readonly skipped: boolean
}

/** Next's proxy for external rewrites (`proxy-request.js`): changeOrigin on, its own timeout. */
const NEXT_PROXY_TIMEOUT = 30_000

/**
 * The behaviours of `route` that a Next rewrite drops, given that the rewrite itself could be built:
 * Next's external-rewrite proxy streams the request with `changeOrigin` and nothing else (no header
 * overrides, no Set-Cookie / Location / Origin rewriting, no per-route timeouts or TLS options).
 */
export function findLostBehaviours(route: ResolvedRoute): string[] {
  // Next builds beforeFiles matchers without `caseSensitiveRoutes` (proved in translation-proof.test.ts).
  const lost: string[] = ['exact-case matching (Next matches /API/x like /api/x)']
  if (route.cookies) lost.push('Set-Cookie rewriting (cookies)')
  if (route.redirects) lost.push('Location / Refresh rewriting (redirects)')
  if (route.rewriteOrigin) lost.push('Origin / Referer rewriting (rewriteOrigin)')
  if (!route.changeOrigin) lost.push('keeping the dev Host (changeOrigin: false)')
  if (route.headersFunction !== undefined)
    lost.push('request headers computed per request (headers function)')
  else if (Object.keys(route.headers).length > 0) lost.push('request header overrides (headers)')
  if (Object.keys(route.responseHeaders).length > 0) lost.push('response header overrides (responseHeaders)')
  if (route.timeout !== NEXT_PROXY_TIMEOUT) lost.push(`timeout ${route.timeout} ms (Next uses its own)`)
  if (!route.secure || route.ca !== undefined) lost.push('TLS options (secure, ca)')
  if (!route.ws) lost.push('refusing websockets (ws: false)')
  if (route.mock !== undefined) lost.push(`answers from a mock (mock: '${route.mock.mode}')`)
  return lost
}
