import type { ResolvedConfig, RouteOverlap } from '@sameorigin/core'
import type { Nuxt } from 'nuxt/schema'
import type { NitroProxyOptions } from './find-nitro-overlaps.ts'
import { findNitroOverlaps } from './find-nitro-overlaps.ts'
import { takeDevProxyOverlaps } from './take-dev-proxy-overlaps.ts'

/** What Nitro's own proxies do with the routes' paths, for the startup lines. */
export interface NitroProxyReport {
  /** Route rules with `proxy` the routes shadow (the routes answer first; the rules stay). */
  readonly routeRules: readonly RouteOverlap[]
  /** The warning for the `nitro.devProxy` entries taken out of `nuxt dev`, if any. */
  readonly devProxy?: string | undefined
}

/**
 * Once Nitro is set up (`nitro:init`, before its dev server mounts `devProxy`), finds the entries of
 * Nitro's own proxies that overlap the routes: `nitro.devProxy` ones are taken out of `nuxt dev`
 * (see `takeDevProxyOverlaps`), route rules with `proxy` stay behind the routes. Returns the
 * report's reader, for the startup lines.
 */
export function useNitroProxies(nuxt: Nuxt, resolved: ResolvedConfig): () => NitroProxyReport {
  let report: NitroProxyReport = { routeRules: [] }
  nuxt.hook('nitro:init', (nitro) => {
    // Nitro 2's resolved options, as far as they are read here.
    const options = nitro.options as NitroProxyOptions & { devProxy?: Record<string, unknown> }
    const overlaps = findNitroOverlaps(resolved, options)
    report = {
      routeRules: overlaps.routeRules,
      devProxy: nuxt.options.dev
        ? takeDevProxyOverlaps(options.devProxy ?? {}, overlaps.devProxy)
        : undefined,
    }
  })
  return () => report
}
