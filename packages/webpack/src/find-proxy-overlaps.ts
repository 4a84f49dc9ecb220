import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core'
import { normalizePath } from '@sameorigin/core'

/** A `devServer.proxy` entry whose paths sameorigin's routes also claim. */
export interface ProxyOverlap {
  /** One `context` / `pathFilter` string of the entry as written (`/api`, `/api/**`), or `(every path)`. */
  readonly key: string
  /** The ids of the sameorigin routes that match some path the entry matches. */
  readonly routes: readonly string[]
}

/** Characters that make http-proxy-middleware treat a `pathFilter` string as a glob (micromatch). */
const GLOB = /[*?[\]{}()!]/

/**
 * http-proxy-middleware's test for one `pathFilter` string (the dev servers pass `context`, `path` or
 * `pathFilter` as it): a plain string is a raw prefix (`/api` takes `/apix`); for a glob, its literal
 * part before the first wildcard is used as a prefix, which can only over-report an overlap.
 */
function toMatcher(filter: string): (path: string) => boolean {
  const glob = GLOB.exec(filter)
  const prefix = glob === null ? filter : filter.slice(0, glob.index)
  return (path) => path.startsWith(prefix)
}

/** The entry's filters, or `undefined` for an entry that takes every path (no filter given). */
function filtersOf(entry: unknown): string[] | undefined | false {
  // A function entry decides per request: nothing to compare before it runs.
  if (typeof entry !== 'object' || entry === null) return false
  const { context, path, pathFilter } = entry as Record<string, unknown>
  const filter = context ?? path ?? pathFilter
  if (filter === undefined) return undefined
  if (typeof filter === 'string') return [filter]
  if (Array.isArray(filter)) return filter.filter((item): item is string => typeof item === 'string')
  return false
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
 * The `devServer.proxy` entries (webpack-dev-server 5 and 6, Rspack: an array) that overlap a
 * sameorigin route: some path is matched by both. Candidate paths are each filter (a prefix) and each
 * string route's source and the path just below it; method and header conditions are ignored (a route
 * that only sometimes takes a path still shadows the entry for those requests).
 * @example findProxyOverlaps(resolved, [{ context: ['/api'], target: 'http://b' }]) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(resolved: ResolvedConfig, proxy: unknown): ProxyOverlap[] {
  const overlaps: ProxyOverlap[] = []
  for (const entry of Array.isArray(proxy) ? proxy : []) {
    const filters = filtersOf(entry)
    if (filters === false) continue
    // Each filter of an entry is its own key, so the warning names exactly the overlapping ones.
    for (const filter of filters ?? [undefined]) {
      const matches = filter === undefined ? () => true : toMatcher(filter)
      const routes = resolved.routes.filter((route) => {
        const candidates = filter === undefined ? ['/'] : GLOB.test(filter) ? [] : [filter]
        if (typeof route.source === 'string')
          candidates.push(route.source, `${route.source.replace(/\/$/, '')}/`)
        return candidates.some((path) => matches(path) && routeMatches(route, path))
      })
      const key = filter ?? '(every path)'
      if (routes.length > 0) overlaps.push({ key, routes: routes.map((route) => route.id) })
    }
  }
  return overlaps
}
