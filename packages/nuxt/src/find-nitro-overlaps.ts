import type { ProxyKey, ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import { findRouteOverlaps } from '@sameorigin/core'

/** What the module reads of Nitro's resolved options. */
export interface NitroProxyOptions {
  /** `nitro.devProxy`: prefix → target (Nitro's dev server mounts each with h3's `app.use(prefix)`). */
  readonly devProxy?: Readonly<Record<string, unknown>>
  /** Nitro's route rules (`routeRules` of nuxt.config and `nitro.routeRules`), by rou3 pattern. */
  readonly routeRules?: Readonly<Record<string, { readonly proxy?: unknown } | undefined>>
}

/** A `devProxy` key as Nitro's dev server takes it: h3's `app.use(prefix)` tests the raw prefix. */
function toDevProxyKey(key: string): ProxyKey {
  return { key, matches: (path) => path.startsWith(key), paths: [key] }
}

/**
 * A route rule's pattern as a path test: exact without wildcards or parameters, else the prefix
 * before the first `*` or `:` segment (`/api/**` → `/api/`). It may claim a path the pattern would
 * skip, never miss one.
 */
function toRouteRuleKey(key: string): ProxyKey {
  const at = key.search(/\*|\/:/)
  if (at === -1) return { key, matches: (path) => path === key || path === `${key}/`, paths: [key] }
  const prefix = key.slice(0, key[at] === '/' ? at + 1 : at)
  return { key, matches: (path) => path.startsWith(prefix), paths: [prefix] }
}

/** The overlaps of Nitro's two proxies with the routes. */
export interface NitroOverlaps {
  /** `nitro.devProxy` entries that also take a routed path. */
  readonly devProxy: RouteOverlap[]
  /** Route rules with `proxy` that also take a routed path. */
  readonly routeRules: RouteOverlap[]
}

/**
 * The entries of Nitro's own proxies (`nitro.devProxy`, route rules with `proxy`) that take some
 * path the routes also take, by Nitro's matching; core's `findRouteOverlaps` does the comparing.
 * @example findNitroOverlaps(resolved, { devProxy: { '/api': 'http://b' } }).devProxy // [{ key: '/api', routes: ['/api'] }]
 */
export function findNitroOverlaps(resolved: ResolvedConfig, nitro: NitroProxyOptions): NitroOverlaps {
  const proxied = Object.entries(nitro.routeRules ?? {}).filter(([, rule]) => rule?.proxy !== undefined)
  return {
    devProxy: findRouteOverlaps(resolved, Object.keys(nitro.devProxy ?? {}).map(toDevProxyKey)),
    routeRules: findRouteOverlaps(
      resolved,
      proxied.map(([key]) => toRouteRuleKey(key)),
    ),
  }
}
