// Next's rewrite shapes, written out here: `next` is an optional peer and the config helper must load
// in plain Node without it, so nothing is imported from `next` at runtime or for types.

/**
 * One `has` / `missing` condition of a Next rewrite (only the header kind is emitted), in Next's own
 * shape: a `host` condition has a value and no key, so a user's `NextConfig` with rewrites fits it.
 */
export type NextRouteHas =
  | { readonly type: 'header' | 'cookie' | 'query'; readonly key: string; readonly value?: string }
  | { readonly type: 'host'; readonly key?: undefined; readonly value: string }

/** A Next rewrite, as `rewrites()` returns it. */
export interface NextRewrite {
  readonly source: string
  readonly destination: string
  readonly basePath?: false
  readonly locale?: false
  readonly has?: readonly NextRouteHas[]
  readonly missing?: readonly NextRouteHas[]
}

/** The object form of `rewrites()`. */
export interface NextRewriteGroups {
  readonly beforeFiles?: readonly NextRewrite[]
  readonly afterFiles?: readonly NextRewrite[]
  readonly fallback?: readonly NextRewrite[]
}

/** What a user's `rewrites` may return. */
export type NextRewritesResult = readonly NextRewrite[] | NextRewriteGroups

/**
 * The parts of a Next config this adapter reads or writes; every other key passes through untouched.
 * No index signature: Next's `NextConfig` is an interface, which has none, and must fit.
 */
export interface NextConfigLike {
  rewrites?: () => NextRewritesResult | Promise<NextRewritesResult>
  basePath?: string
  serverExternalPackages?: string[]
  compress?: boolean
  skipTrailingSlashRedirect?: boolean
  logging?: false | { incomingRequests?: boolean | { ignore?: RegExp[] } }
}

/** The second argument Next passes to a function config. */
export interface NextConfigContext {
  readonly defaultConfig?: unknown
  readonly [key: string]: unknown
}

/** `next.config`'s export: an object, or a function of the phase (`phase-development-server`, …). */
export type NextConfigInput<Config extends object = NextConfigLike> =
  | Config
  | ((phase: string, context: NextConfigContext) => Config | Promise<Config>)
