// The public API of @sameorigin/next (the config helper), listed by name. It loads in plain Node:
// nothing here imports `next`, and the core's config loader is imported only when Next asks for
// rewrites. The route handler is `@sameorigin/next/route`.
export { formatLost } from './format-lost.ts'
export type { LostBehaviour } from './lost-behaviour.ts'
export { mergeRewrites } from './merge-rewrites.ts'
export type { WithSameOriginOptions } from './options.ts'
export { toNextRewrites } from './to-next-rewrites.ts'
export type { NextMode, NextRewritesPlan } from './to-next-rewrites.ts'
export { translateRoute } from './translate-route.ts'
export type { TranslatedRoute } from './translate-route.ts'
export type {
  NextConfigContext,
  NextConfigInput,
  NextConfigLike,
  NextRewrite,
  NextRewriteGroups,
  NextRewritesResult,
  NextRouteHas,
} from './types.ts'
export { withSameOrigin } from './with-same-origin.ts'

// What sameorigin.config.ts imports, so this package is the only one a project installs (with pnpm,
// @sameorigin/core is not hoisted where the config file could import it).
// `@sameorigin/core/config` holds the two helpers alone: this entry stays free of node:http.
export { defineConfig, defineRoute } from '@sameorigin/core/config'
export type {
  ConfigEnv,
  LogLevel,
  RewriteContext,
  RewriteFunction,
  RouteEntry,
  RouteOptions,
  RouteParams,
  RoutesInput,
  UserConfig,
  UserConfigExport,
} from '@sameorigin/core'
