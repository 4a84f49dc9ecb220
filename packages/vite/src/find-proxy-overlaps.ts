import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core'
import { normalizePath } from '@sameorigin/core'

/** A Vite `server.proxy` / `preview.proxy` key that sameorigin's routes also claim. */
export interface ProxyOverlap {
  /** The key as written in Vite's config (`/api`, `^/v\d+`). */
  readonly key: string
  /** The ids of the sameorigin routes that match some path the key matches. */
  readonly routes: readonly string[]
}

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

function routeMatches(route: ResolvedRoute, path: string): boolean {
  try {
    return route.matchPath(normalizePath(path)) !== undefined
  } catch {
    // A key that is not a safe path (`/a/../b`) is one no request can reach the route with.
    return false
  }
}

/**
 * The Vite proxy keys that overlap a sameorigin route: some path is matched by both. Candidate paths
 * are the key itself (for a prefix key) and, for string sources, each route's source and the path
 * just below it, each checked against Vite's matcher and the route's compiled `matchPath`. Method and header conditions
 * are ignored: a route that only sometimes takes a path still shadows the key for those requests.
 * @example findProxyOverlaps(resolved, { '/api': 'http://b', '/legacy': 'http://c' }) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(
  resolved: ResolvedConfig,
  proxy: Readonly<Record<string, unknown>> | undefined,
): ProxyOverlap[] {
  const overlaps: ProxyOverlap[] = []
  for (const key of Object.keys(proxy ?? {})) {
    const viteMatches = toViteMatcher(key)
    if (viteMatches === undefined) continue
    const routes = resolved.routes.filter((route) => {
      const candidates = key.startsWith('^') ? [] : [key]
      // A route's own source, and a path just below it (what a prefix route stands for).
      if (typeof route.source === 'string')
        candidates.push(route.source, `${route.source.replace(/\/$/, '')}/`)
      return candidates.some((path) => viteMatches(path) && routeMatches(route, path))
    })
    if (routes.length > 0) overlaps.push({ key, routes: routes.map((route) => route.id) })
  }
  return overlaps
}
