import type { ProxyKey, ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps } from '@sameorigin/core'

/**
 * Vite's own test for a proxy key, as Angular hands `proxyConfig` to it (globs already turned into
 * `^` RegExp keys by Angular's loader): `^` starts a RegExp, anything else is a raw prefix.
 */
function toViteMatcher(key: string): ((path: string) => boolean) | undefined {
  if (!key.startsWith('^')) return (path) => path.startsWith(key)
  try {
    const regexp = new RegExp(key)
    return (path) => regexp.test(path)
  } catch {
    // Vite itself fails on this key; that error is Angular's to report.
    return undefined
  }
}

/**
 * The `proxyConfig` entries (as Angular's loader normalizes them for Vite's `server.proxy`) that
 * overlap a sameorigin route: some path is taken by both. Core's `findRouteOverlaps` compares.
 * @example findProxyConfigOverlaps(resolved, { '/api': { target: 'http://b' } }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyConfigOverlaps(
  resolved: ResolvedConfig,
  proxy: Readonly<Record<string, unknown>> | undefined,
): RouteOverlap[] {
  const keys: ProxyKey[] = Object.keys(proxy ?? {}).flatMap((key) => {
    const matches = toViteMatcher(key)
    return matches === undefined ? [] : [{ key, matches, paths: key.startsWith('^') ? [] : [key] }]
  })
  return findRouteOverlaps(resolved, keys)
}
