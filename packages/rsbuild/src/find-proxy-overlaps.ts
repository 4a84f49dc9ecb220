import type { ProxyConfig } from '@rsbuild/core'
import type { PathFilter, ProxyKey, ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps, toPathFilterMatcher } from '@sameorigin/core'

/** A filter core can read: a string, a list of strings, or none. A function cannot be read before it runs. */
function isReadable(filter: unknown): filter is PathFilter | undefined {
  return (
    filter === undefined ||
    typeof filter === 'string' ||
    (Array.isArray(filter) && filter.every((item) => typeof item === 'string'))
  )
}

function toEntries(proxy: ProxyConfig): { key: string; filter: unknown }[] {
  if (Array.isArray(proxy))
    return proxy.map((entry) => ({ key: JSON.stringify(entry.pathFilter ?? '/'), filter: entry.pathFilter }))
  return Object.keys(proxy).map((key) => ({ key, filter: key }))
}

/**
 * The `server.proxy` entries that overlap a sameorigin route: some path is matched by both. Rsbuild
 * hands each key (or array entry's `pathFilter`) to http-proxy-middleware, read here by core's
 * `toPathFilterMatcher` (a plain path is a raw prefix; a glob is tried by its literal part, so it may
 * warn for a path the glob would skip, never miss one); core's `findRouteOverlaps` compares. Method and
 * header conditions are ignored: a route that only sometimes takes a path still shadows the entry then.
 * @example findProxyOverlaps(resolved, { '/api': 'http://b', '/legacy': 'http://c' }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(resolved: ResolvedConfig, proxy: ProxyConfig | undefined): RouteOverlap[] {
  const keys: ProxyKey[] = []
  for (const { key, filter } of toEntries(proxy ?? {})) {
    if (isReadable(filter)) keys.push({ key, ...toPathFilterMatcher(filter) })
  }
  return findRouteOverlaps(resolved, keys)
}
