import type { ResolvedConfig, ResolvedRoute } from '../types.ts'
import { normalizePath } from './normalize-path.ts'

/** One entry of a host tool's own proxy config (Vite `server.proxy`, `devServer.proxy`, ...), as a test. */
export interface ProxyKey {
  /** The entry as the user wrote it, for the warning (`/api`, `^/v\d+`, `(every path)`). */
  readonly key: string
  /** The host tool's own test: whether its proxy takes a request for `path`. */
  readonly matches: (path: string) => boolean
  /** Paths the entry itself stands for (a prefix key: the key), tried besides the routes' own. */
  readonly paths: readonly string[]
}

/** A host proxy entry that sameorigin's routes also claim. */
export interface RouteOverlap {
  /** The entry as written. */
  readonly key: string
  /** The ids of the routes that match some path the entry matches. */
  readonly routes: readonly string[]
}

function routeMatches(route: ResolvedRoute, path: string): boolean {
  try {
    return route.matchPath(normalizePath(path)) !== undefined
  } catch {
    // A path that is not safe (`/a/../b`) is one no request can reach the route with.
    return false
  }
}

/**
 * The host proxy entries that overlap a route: some path is taken by both. Candidate paths are the
 * entry's own and, for string sources, each route's source and the path just below it (what a prefix
 * route stands for). Method and header conditions are ignored: a route that only sometimes takes a
 * path still shadows the entry for those requests. Adapters supply only their tool's matcher.
 * @example findRouteOverlaps(resolved, [{ key: '/api', matches: (p) => p.startsWith('/api'), paths: ['/api'] }])
 */
export function findRouteOverlaps(resolved: ResolvedConfig, keys: readonly ProxyKey[]): RouteOverlap[] {
  const overlaps: RouteOverlap[] = []
  for (const { key, matches, paths } of keys) {
    const routes = resolved.routes.filter((route) => {
      const candidates = [...paths]
      if (typeof route.source === 'string')
        candidates.push(route.source, `${route.source.replace(/\/$/, '')}/`)
      return candidates.some((path) => matches(path) && routeMatches(route, path))
    })
    if (routes.length > 0) overlaps.push({ key, routes: routes.map((route) => route.id) })
  }
  return overlaps
}
