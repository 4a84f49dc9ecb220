import type { Match, RequestInfo, ResolvedConfig } from '../types.ts'
import { hasMatchingHeaders } from './has-matching-headers.ts'
import { normalizePath } from './normalize-path.ts'
import { parseRequestTarget } from './parse-request-target.ts'
import { mergeQuery } from './rewrite-query.ts'

/**
 * Finds the first route (declaration order) whose path and conditions match the request, and where
 * it goes upstream. Pure; runs on every request, so all compiling happened in `resolveConfig`.
 * - the request target is reduced to path + query; its host never chooses the target
 * - `*` and authority-form targets (CONNECT) match nothing
 * - the path is normalised first (see `normalizePath`); unsafe paths throw `ERR_REQUEST_PATH_UNSAFE`
 *   (answer 400), a failing function rewrite throws `ERR_RULE_REWRITE_INVALID`
 * - a query the rewrite wrote is merged with the request's (`mergeQuery`): `upstreamSearch`
 * @example matchRequest(config, { method: 'GET', url: '/api/users?page=2', headers: {} })
 */
export function matchRequest(config: ResolvedConfig, request: RequestInfo): Match | undefined {
  const target = parseRequestTarget(request.url)
  if (target === undefined) return undefined
  const path = normalizePath(target.path)
  let method: string | undefined
  for (const route of config.routes) {
    const params = route.matchPath(path)
    if (params === undefined) continue
    if (route.methods !== undefined) {
      method ??= request.method.toUpperCase()
      if (!route.methods.has(method)) continue
    }
    if (route.matchHeaders !== undefined && !hasMatchingHeaders(route.matchHeaders, request.headers)) continue
    const rewritten = route.toUpstreamPath(path, { params, search: target.search })
    // A normalised path holds no `?` (it is `%3F` there): the first one starts the rewrite's query.
    const cut = rewritten.indexOf('?')
    const upstreamPath = cut === -1 ? rewritten : rewritten.slice(0, cut)
    const upstreamSearch = cut === -1 ? target.search : mergeQuery(rewritten.slice(cut), target.search)
    return {
      route,
      params,
      path,
      search: target.search,
      upstreamPath,
      upstreamSearch,
      upstreamUrl: route.target.origin + upstreamPath + upstreamSearch,
    }
  }
  return undefined
}
