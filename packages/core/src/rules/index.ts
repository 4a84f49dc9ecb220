// `@sameorigin/core/rules`: the pure rules core (no node:http), also what `@sameorigin/next` imports.
export { compileMatcher } from './compile-matcher.ts'
export type { Matcher } from './compile-matcher.ts'
export { didYouMean } from '../internal/did-you-mean.ts'
export { findRouteOverlaps } from './find-route-overlaps.ts'
export type { ProxyKey, RouteOverlap } from './find-route-overlaps.ts'
export { findShadowedRoutes } from './find-shadowed-routes.ts'
export { formatIssues } from './format-issues.ts'
// The host logger is pure too: Next's route handler writes its lines with it without loading the
// main entry, whose engine reads the package's own files when it loads (which bundlers break).
export { toHostLogger } from '../host/to-host-logger.ts'
export type { HostLogLevel, HostLogLine, ToHostLoggerOptions } from '../host/to-host-logger.ts'
export { matchRequest } from './match-request.ts'
export { normalizePath } from './normalize-path.ts'
export { parsePattern } from './parse-pattern.ts'
export type { ParamModifier, ParsedPattern, PatternToken } from './parse-pattern.ts'
export { parseRequestTarget } from './parse-request-target.ts'
export type { RequestTarget } from './parse-request-target.ts'
export { parseRoutes } from './parse-routes.ts'
export { parseRule } from './parse-rule.ts'
export type { ParsedRule, ParsedRules } from './parse-rule.ts'
export { parseTarget } from './parse-target.ts'
export type { ParsedTarget, TargetProblem } from './parse-target.ts'
export { removeDotSegments } from './remove-dot-segments.ts'
export { mergeQuery, splitRewriteQuery } from './rewrite-query.ts'
export { validateRules } from './validate-rules.ts'
export type {
  ConfigIssue,
  HeadersFunction,
  HeadersRequest,
  Match,
  RequestInfo,
  ResolvedConfig,
  ResolvedRoute,
  ResolvedTarget,
  RewriteContext,
  RewriteFunction,
  RouteEntry,
  RouteKind,
  RouteOptions,
  RouteParams,
  RoutesInput,
  UserConfig,
} from '../types.ts'
