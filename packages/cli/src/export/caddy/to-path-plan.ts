import type { ResolvedRoute } from '@sameorigin/core'
import { caddyToken } from './caddy-token.ts'
import { escapeRe2 } from './escape-re2.ts'
import { escapeReplacement } from './escape-replacement.ts'

/** How a route's paths look to Caddy, both ways. */
export interface CaddyPathPlan {
  /**
   * RE2, anchored, matched by `path_regexp` against the path as Caddy matches it (decoded, dot
   * segments resolved, case kept).
   */
  readonly match: string
  /**
   * `uri` lines turning the request path (still escaped: `uri` works on the escaped form, so `%2F`
   * and `%3F` reach the upstream as they arrived) into the upstream path, base path included.
   */
  readonly uri: readonly string[]
  /**
   * Upstream path prefix → app path prefix, for `Location` and cookie `Path` values, or `undefined`
   * when the two are the same path.
   */
  readonly reverse: { readonly upstream: string; readonly app: string } | undefined
}

/**
 * A prefix route's {@link CaddyPathPlan}. `/api` matches `/api` and `/api/...` but never `/apix`
 * (Caddy's `path /api*` would). A target base path takes the prefix's place, as in the engine:
 * `/api` → `https://s/v1` sends `/api/users` to `/v1/users`; without one the path goes unchanged.
 */
export function toPathPlan(route: ResolvedRoute): CaddyPathPlan | undefined {
  if (route.kind !== 'prefix' || route.rewriteTemplate !== undefined || route.rewriteIsFunction)
    return undefined
  const prefix = String(route.source)
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  const match = prefix.endsWith('/') ? `^${escapeRe2(prefix)}.*$` : `^${escapeRe2(prefix)}(/.*)?$`
  const basePath = route.target.basePath
  if (basePath === '') return { match, uri: [], reverse: undefined }
  const uri = [
    ...(base === '' ? [] : [`uri strip_prefix ${caddyToken(base)}`]),
    `uri path_regexp ${caddyToken('^(.*)$')} ${caddyToken(`${escapeReplacement(basePath)}$1`)}`,
  ]
  return { match, uri, reverse: basePath === base ? undefined : { upstream: basePath, app: base } }
}
