import type { ProxyKey } from '../rules/find-route-overlaps.ts'

/**
 * Vite's own test for a `server.proxy` key (its proxy middleware's context matcher): `^` starts a
 * RegExp, anything else is a raw prefix (`/api` takes `/apix`). `undefined` for a RegExp that does
 * not compile (Vite fails on it itself, and says so).
 */
export function toViteKeyMatcher(key: string): ((path: string) => boolean) | undefined {
  if (!key.startsWith('^')) return (path) => path.startsWith(key)
  try {
    const regexp = new RegExp(key)
    return (path) => regexp.test(path)
  } catch {
    return undefined
  }
}

/**
 * The keys of a Vite `server.proxy` object (Vite's, or Angular's `proxyConfig` once its loader has
 * turned globs into `^` keys) as {@link ProxyKey}s for `findRouteOverlaps`: each with Vite's test,
 * and its prefix as a path to try.
 * @example findRouteOverlaps(resolved, toViteProxyKeys({ '/api': 'http://b' }))
 */
export function toViteProxyKeys(proxy: Readonly<Record<string, unknown>> | undefined): ProxyKey[] {
  return Object.keys(proxy ?? {}).flatMap((key) => {
    const matches = toViteKeyMatcher(key)
    return matches === undefined ? [] : [{ key, matches, paths: key.startsWith('^') ? [] : [key] }]
  })
}
