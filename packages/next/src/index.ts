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
