import type { ProxyKey, ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps } from '@sameorigin/core'

/** Vite's own test for a proxy key (`createProxyContextMatcher`): `^` starts a RegExp, anything else is a raw prefix. */
function toViteMatcher(key: string): ((path: string) => boolean) | undefined {
  if (!key.startsWith('^')) return (path) => path.startsWith(key)
  try {
    const regexp = new RegExp(key)
    return (path) => regexp.test(path)
  } catch {
    // Vite itself fails on this key; that error is Vite's to report.
    return undefined
  }
}

/** Vite's `server.proxy` / `preview.proxy` keys as core's {@link ProxyKey}s. */
function toProxyKeys(proxy: Readonly<Record<string, unknown>> | undefined): ProxyKey[] {
  return Object.keys(proxy ?? {}).flatMap((key) => {
    const matches = toViteMatcher(key)
    return matches === undefined ? [] : [{ key, matches, paths: key.startsWith('^') ? [] : [key] }]
  })
}

/**
 * The Vite proxy keys that overlap a sameorigin route (some path is taken by both), by Vite's own
 * matching; core's `findRouteOverlaps` does the comparing.
 * @example findProxyOverlaps(resolved, { '/api': 'http://b', '/legacy': 'http://c' }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(
  resolved: ResolvedConfig,
  proxy: Readonly<Record<string, unknown>> | undefined,
): RouteOverlap[] {
  return findRouteOverlaps(resolved, toProxyKeys(proxy))
}
