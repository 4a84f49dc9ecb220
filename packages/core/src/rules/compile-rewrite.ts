import type { RewriteContext, RewriteFunction, RouteParams } from '../types.ts'
import type { Matcher } from './compile-matcher.ts'
import type { PatternToken } from './parse-pattern.ts'
import { createError, isProxyError } from '../errors/proxy-error.ts'
import { fillPattern } from './fill-pattern.ts'
import { joinBasePath } from './join-base-path.ts'
import { normalizePath } from './normalize-path.ts'
import { patternToRegExp } from './pattern-to-regexp.ts'

/** What {@link compileRewrite} needs to know about a route. */
export interface RewriteInput {
  readonly matcher: Matcher
  /** The target's base path, normalised, without trailing slash. */
  readonly basePath: string
  /** Template tokens (validated against the route's parameters) or a function; `undefined`: default. */
  readonly rewrite: readonly PatternToken[] | RewriteFunction | undefined
  /** A template's own query (`?legacy=1`), or `''` / `undefined`. */
  readonly query?: string
  /** The route's id, for errors. */
  readonly id: string
}

/** The two directions of a route's path mapping. */
export interface CompiledRewrite {
  /** The upstream path, then the rewrite's own query (`?legacy=1`) when it wrote one. */
  readonly toUpstreamPath: (path: string, context: RewriteContext) => string
  /** Upstream path (a query or fragment after it is kept unchanged) → dev path, or `undefined`. */
  readonly toDevPath: (upstreamPath: string) => string | undefined
}

/**
 * Compiles the mapping between dev paths and upstream paths (base path included).
 * - default: the path unchanged below the base path, except that a prefix route with a base path maps
 *   its prefix onto it (`/api` → `https://s/v1`: `/api/users` → `/v1/users`)
 * - template: filled with the route's parameters; a trailing slash on the request is kept
 * - function: called with the path and `{ params, search }`; errors become `ERR_RULE_REWRITE_INVALID`
 * - a query in a template or in a function's result (from its first `?`) is kept apart from the
 *   path, which alone is joined to the base path and checked; `matchRequest` merges it (`mergeQuery`)
 * The reverse fills the route's own path from the parameters read back out of the upstream path, and
 * only answers when forwarding its answer gives the same upstream path again (so it never lies).
 */
export function compileRewrite(input: RewriteInput): CompiledRewrite {
  const { matcher, basePath, rewrite } = input
  const forward = compileForward(input)
  const reverse = typeof rewrite === 'function' ? undefined : compileReverse(matcher, basePath, rewrite)
  return {
    toUpstreamPath: forward,
    toDevPath(upstreamPath) {
      if (reverse === undefined) return undefined
      // A `Location` may carry a query or fragment: it is kept as is, only the path is mapped.
      const cut = upstreamPath.search(/[?#]/)
      const suffix = cut === -1 ? '' : upstreamPath.slice(cut)
      try {
        const upstream = normalizePath(cut === -1 ? upstreamPath : upstreamPath.slice(0, cut))
        const devPath = reverse(upstream)
        const params = devPath === undefined ? undefined : matcher.matchPath(devPath)
        if (devPath === undefined || params === undefined) return undefined
        const forwarded = forward(devPath, { params, search: '' })
        return withoutQuery(forwarded) === upstream ? devPath + suffix : undefined
      } catch (error) {
        // An unsafe upstream path, or a dev path the route itself would refuse: no answer.
        if (isProxyError(error)) return undefined
        throw error
      }
    },
  }
}

function compileForward(input: RewriteInput): CompiledRewrite['toUpstreamPath'] {
  const { matcher, basePath, rewrite, id } = input
  if (typeof rewrite === 'function') {
    return (path, context) => {
      const result = callRewrite(rewrite, path, context, id)
      const cut = result.indexOf('?')
      if (cut === -1) return joinBasePath(basePath, result, id)
      return joinBasePath(basePath, result.slice(0, cut), id) + result.slice(cut)
    }
  }
  if (rewrite !== undefined) {
    const query = input.query ?? ''
    return (path, context) =>
      joinBasePath(basePath, keepTrailingSlash(path, fillPattern(rewrite, context.params)), id) + query
  }
  // The request path is already normalised and there is no base path to escape: nothing to do.
  if (basePath === '') return (path) => path
  const prefixLength = matcher.kind === 'prefix' ? (matcher.prefix as string).length : 0
  return (path) => joinBasePath(basePath, path.slice(prefixLength), id)
}

/** A forwarded path without the rewrite's query. */
function withoutQuery(forwarded: string): string {
  const cut = forwarded.indexOf('?')
  return cut === -1 ? forwarded : forwarded.slice(0, cut)
}

function compileReverse(
  matcher: Matcher,
  basePath: string,
  template: readonly PatternToken[] | undefined,
): ((upstream: string) => string | undefined) | undefined {
  const prefix = matcher.prefix
  if (template === undefined) {
    if (prefix !== undefined && basePath !== '') {
      return (upstream) => {
        const rest = belowBase(upstream, basePath)
        return rest === undefined ? undefined : prefix + rest || '/'
      }
    }
    return (upstream) => {
      const rest = belowBase(upstream, basePath)
      return rest === undefined ? undefined : rest || '/'
    }
  }
  // A template can be reversed only when it carries every parameter of the route's path.
  const { regexp, names } = patternToRegExp(template)
  if (matcher.kind === 'regexp' || matcher.params.some((name) => !names.includes(name))) return undefined
  const sourceTokens = matcher.tokens
  return (upstream) => {
    const rest = belowBase(upstream, basePath)
    const match = rest === undefined ? null : regexp.exec(rest)
    if (match === null) return undefined
    const params: Record<string, string | undefined> = {}
    for (let i = 0; i < names.length; i++) params[names[i] as string] = match[i + 1]
    const devPath =
      sourceTokens === undefined
        ? fillPrefix(prefix as string, params)
        : fillPattern(sourceTokens, params) || '/'
    return keepTrailingSlash(rest as string, devPath)
  }
}

/** The part of `upstream` below `basePath` (`''` for the base path itself), or `undefined` if outside. */
function belowBase(upstream: string, basePath: string): string | undefined {
  if (basePath === '') return upstream
  if (upstream === basePath) return ''
  return upstream.startsWith(`${basePath}/`) ? upstream.slice(basePath.length) : undefined
}

function fillPrefix(prefix: string, params: RouteParams): string {
  const rest = params.path
  return rest === undefined || rest === '' ? prefix || '/' : `${prefix}/${rest}`
}

/** `/users/42/` through `/u/:id` gives `/u/42/`: backends that redirect on slashes see what was sent. */
function keepTrailingSlash(from: string, to: string): string {
  return from.endsWith('/') && !to.endsWith('/') ? `${to}/` : to
}

function callRewrite(rewrite: RewriteFunction, path: string, context: RewriteContext, id: string): string {
  let result: unknown
  try {
    result = rewrite(path, context)
  } catch (error) {
    throw createError('ERR_RULE_REWRITE_INVALID', {
      message: `The rewrite function of route ${id} threw an error.`,
      cause: error,
      details: { route: id },
    })
  }
  if (typeof result !== 'string') {
    throw createError('ERR_RULE_REWRITE_INVALID', {
      message: `The rewrite function of route ${id} returned ${describe(result)} instead of a string.`,
      details: { route: id },
    })
  }
  return result
}

function describe(value: unknown): string {
  if (value instanceof Promise) return 'a Promise (rewrite functions must be synchronous)'
  return value === null ? 'null' : typeof value
}
