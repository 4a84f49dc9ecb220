import type { ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps, toViteProxyKeys } from '@sameorigin/core'

/**
 * The `proxyConfig` entries (as Angular's loader normalizes them for Vite's `server.proxy`: globs
 * already `^` RegExp keys) that overlap a sameorigin route: some path is taken by both, by Vite's own
 * matching. Core's `findRouteOverlaps` compares.
 * @example findProxyConfigOverlaps(resolved, { '/api': { target: 'http://b' } }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyConfigOverlaps(
  resolved: ResolvedConfig,
  proxy: Readonly<Record<string, unknown>> | undefined,
): RouteOverlap[] {
  return findRouteOverlaps(resolved, toViteProxyKeys(proxy))
}
