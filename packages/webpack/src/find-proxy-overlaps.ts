import type { ProxyKey, ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps, toPathFilterMatcher } from '@sameorigin/core'

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

/**
 * The `devServer.proxy` entries (webpack-dev-server 5 and 6, Rspack: an array) that overlap a
 * sameorigin route (some path is taken by both), one key per `context` / `pathFilter` string (or
 * `(every path)` for an entry without one), by http-proxy-middleware's matching (the dev servers pass
 * the filter to it; core's `toPathFilterMatcher` reads it); core's `findRouteOverlaps` does the comparing.
 * @example findProxyOverlaps(resolved, [{ context: ['/api'], target: 'http://b' }]) // [{ key: '/api', routes: ['/api'] }]
 */
export function findProxyOverlaps(resolved: ResolvedConfig, proxy: unknown): RouteOverlap[] {
  const keys: ProxyKey[] = []
  for (const entry of Array.isArray(proxy) ? proxy : []) {
    const filters = filtersOf(entry)
    if (filters === false) continue
    // Each filter of an entry is its own key, so the warning names exactly the overlapping ones.
    for (const filter of filters ?? [undefined]) {
      keys.push({ key: filter ?? '(every path)', ...toPathFilterMatcher(filter) })
    }
  }
  return findRouteOverlaps(resolved, keys)
}
