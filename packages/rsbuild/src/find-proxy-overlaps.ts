import type { ProxyConfig } from '@rsbuild/core'
import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core'
import { normalizePath } from '@sameorigin/core'

/** An Rsbuild `server.proxy` entry that sameorigin's routes also claim. */
export interface ProxyOverlap {
  /** The entry as written: its key, or its `pathFilter` (`/api`, `['/a', '/b']`, `/api/**`). */
  readonly key: string
  /** The ids of the sameorigin routes that match some path the entry matches. */
  readonly routes: readonly string[]
}

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

function routeMatches(route: ResolvedRoute, path: string): boolean {
  try {
    return route.matchPath(normalizePath(path)) !== undefined
  } catch {
    // A prefix that is not a safe path (`/a/../b`) is one no request can reach the route with.
    return false
  }
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
export function findProxyOverlaps(resolved: ResolvedConfig, proxy: ProxyConfig | undefined): ProxyOverlap[] {
  const overlaps: ProxyOverlap[] = []
  for (const { key, filter } of toEntries(proxy ?? {})) {
    const prefixes = toPrefixes(filter)
    if (prefixes === undefined) continue
    const routes = resolved.routes.filter((route) => {
      const candidates = [...prefixes]
      if (typeof route.source === 'string')
        candidates.push(route.source, `${route.source.replace(/\/$/, '')}/`)
      return candidates.some(
        (path) => prefixes.some((prefix) => path.startsWith(prefix)) && routeMatches(route, path),
      )
    })
    if (routes.length > 0) overlaps.push({ key, routes: routes.map((route) => route.id) })
  }
  return overlaps
}
