import type { ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps, toViteProxyKeys } from '@sameorigin/core'

/**
 * The Vite proxy keys that overlap a sameorigin route (some path is taken by both), by Vite's own
 * matching; core's `findRouteOverlaps` does the comparing.
 * @example findProxyOverlaps(resolved, { '/api': 'http://b', '/legacy': 'http://c' }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(
  resolved: ResolvedConfig,
  proxy: Readonly<Record<string, unknown>> | undefined,
): RouteOverlap[] {
  return findRouteOverlaps(resolved, toViteProxyKeys(proxy))
}
