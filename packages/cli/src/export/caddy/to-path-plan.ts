import type { ResolvedRoute } from '@sameorigin/core'
import type { UpstreamPart } from '../route-regex.ts'
import { routeRegex } from '../route-regex.ts'
import { caddyLiteral } from './caddy-literal.ts'
import { caddyToken } from './caddy-token.ts'
import { escapeReplacement } from './escape-replacement.ts'

/** How a route's paths look to Caddy, both ways. */
export interface CaddyPathPlan {
  /**
   * RE2 matched by `path_regexp` against the path as Caddy matches it (decoded, dot segments
   * resolved, case kept): `/api` matches `/api` and `/api/...`, never `/apix`.
   */
  readonly match: string
  /**
   * `uri` lines turning the request path into the upstream path, base path included. `uri
   * path_regexp` works on the escaped path, so `%2F` and `%3F` reach the upstream as they arrived.
   */
  readonly uri: readonly string[]
  /** Upstream path prefix → app path prefix, for `Location` and cookie `Path`; `undefined`: none. */
  readonly reverse: { readonly upstream: string; readonly app: string } | undefined
  /**
   * The rewrite template's own query (`?legacy=1`), or `''`: appended to the request's by the last
   * `uri` line (Caddy 2.6 cannot replace a parameter the request already has).
   */
  readonly query: string
  /** Whether the route maps paths back (for `Location` and cookie `Path`) other than by a prefix swap. */
  readonly reverseLost: boolean
}

/** A group reference in a Go replacement, braced (`$1x` would name group `1x`), the braces escaped for Caddy. */
const group = (index: number): string => String.raw`$\{${index}\}`

/** Literal text of the upstream path, escaped as in a request line (the input is decoded). */
function literal(text: string): string {
  return escapeReplacement(encodeURI(text))
}

/** The `uri path_regexp` replacement for `parts`, and the expression it applies to. */
function toRewrite(route: ResolvedRoute, regex: string, parts: readonly UpstreamPart[]): string[] {
  const hasPath = parts.some((part) => part.type === 'path')
  if (hasPath && parts.length === 1) return []
  // The whole path is group 1 when a part stands for it; a RegExp route's expression may match
  // only part of the path, and its template stands for the whole.
  const find = hasPath ? '^(.*)$' : route.kind === 'regexp' ? `^.*?(?:${regex}).*$` : regex
  const replace = parts
    .map((part) =>
      part.type === 'text' ? literal(part.value) : part.type === 'path' ? group(1) : group(part.index),
    )
    .join('')
  return [`uri path_regexp ${caddyToken(find)} ${caddyToken(replace)}`]
}

/**
 * A route's {@link CaddyPathPlan}, from the shared route → regular expression translation, or
 * `undefined` when the route has none (a function rewrite, a RegExp outside RE2).
 */
export function toPathPlan(route: ResolvedRoute): CaddyPathPlan | undefined {
  const translated = routeRegex(route)
  if (translated === undefined) return undefined
  const { regex, upstream, query, reversePrefix } = translated
  const uri = toRewrite(route, regex, upstream)
  // `rewrite` with only a query keeps the path; an empty `{query}` leaves no stray `&`.
  if (query !== '') uri.push(`rewrite * ${caddyToken(`?{query}&${caddyLiteral(query.replace(/^\?/, ''))}`)}`)
  const swap = reversePrefix !== undefined && reversePrefix.upstream !== reversePrefix.app
  const identity = reversePrefix !== undefined && !swap
  return {
    match: regex,
    uri,
    reverse: swap ? reversePrefix : undefined,
    query,
    reverseLost: !identity && !swap && (route.rewriteTemplate !== undefined || route.target.basePath !== ''),
  }
}
