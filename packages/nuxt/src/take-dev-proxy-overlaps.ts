import type { RouteOverlap } from '@sameorigin/core'

/**
 * Takes the `nitro.devProxy` entries that overlap routes out of Nitro's dev server, and says so.
 * Nitro's dev proxy runs in the dev server before the app, so it would answer the browser's requests
 * for these paths, while Nitro's in-process fetch during SSR never reaches it: the same call would be
 * served by two different proxies. sameorigin serves both, so the entries go (in `nuxt dev` only;
 * `nitro.devProxy` has no effect on a build). Returns the warning, or `undefined` when none overlaps.
 */
export function takeDevProxyOverlaps(
  devProxy: Record<string, unknown>,
  overlaps: readonly RouteOverlap[],
): string | undefined {
  if (overlaps.length === 0) return undefined
  for (const { key } of overlaps) delete devProxy[key]
  const pairs = overlaps.map(
    ({ key, routes }) => `'${key}' (route ${routes.map((id) => `'${id}'`).join(', ')})`,
  )
  return [
    `nitro.devProxy has entries for paths sameorigin also routes: ${pairs.join(', ')}.`,
    "  Nitro's dev proxy answers the browser before the app and never sees server-side fetches (useFetch,",
    '  $fetch during SSR), so sameorigin serves these paths and the entries are left out of `nuxt dev`. A path',
    '  such an entry took that no route takes is no longer proxied: add it to the routes, or remove the entries.',
  ].join('\n')
}
