import type { ProxyConfig } from '@rsbuild/core'
import type { ProxyKey, ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps } from '@sameorigin/core'

const GLOB = /[*?[\]{}()!+@]/

/**
 * A path test for one http-proxy-middleware `pathFilter`, as Rsbuild hands it over: a plain path is a
 * raw prefix (`/api` takes `/apix` too); a glob is tried by its literal part before the first glob
 * character (so `/api/**` counts as `/api/`: it may warn for a path the glob would skip, never miss
 * one); no filter matches every path. A function filter cannot be read, so it overlaps nothing.
 */
function toPrefixes(filter: unknown): string[] | undefined {
  if (filter === undefined) return ['/']
  if (typeof filter === 'string') return [filter.split(GLOB)[0] ?? '']
  if (Array.isArray(filter) && filter.every((item) => typeof item === 'string'))
    return filter.filter((item) => !item.startsWith('!')).map((item) => item.split(GLOB)[0] ?? '')
  return undefined
}

function toEntries(proxy: ProxyConfig): { key: string; filter: unknown }[] {
  if (Array.isArray(proxy))
    return proxy.map((entry) => ({ key: JSON.stringify(entry.pathFilter ?? '/'), filter: entry.pathFilter }))
  return Object.keys(proxy).map((key) => ({ key, filter: key }))
}

/**
 * The `server.proxy` entries that overlap a sameorigin route: some path is matched by both. Candidate
 * paths are each entry's prefix and, for string sources, each route's source and the path just below
 * it, each checked against the entry's prefix and the route's compiled `matchPath`. Method and header
 * conditions are ignored: a route that only sometimes takes a path still shadows the entry then.
 * @example findProxyOverlaps(resolved, { '/api': 'http://b', '/legacy': 'http://c' }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(resolved: ResolvedConfig, proxy: ProxyConfig | undefined): RouteOverlap[] {
  const keys: ProxyKey[] = []
  for (const { key, filter } of toEntries(proxy ?? {})) {
    const prefixes = toPrefixes(filter)
    if (prefixes === undefined) continue
    keys.push({ key, matches: (path) => prefixes.some((prefix) => path.startsWith(prefix)), paths: prefixes })
  }
  return findRouteOverlaps(resolved, keys)
}
