import type { ResolvedConfig } from '@sameorigin/core/rules'
import type { NextRewrite } from './types.ts'

/** A first path segment Next's router and a rewrite destination take as it is. */
const PLAIN_SEGMENT = /^[\w\-.~]+$/

/**
 * The rewrite that brings the inspector (`/__sameorigin/…`) to the route handler in `next dev`. The
 * App Router keeps folders whose name starts with `_` out of routing, so no handler file can sit at
 * `app/__sameorigin/`; the handler of the first prefix route (`/api` → `app/api/[...path]/route.ts`,
 * where `sameorigin init` and the README put it) serves it instead. Next hands a route handler the
 * URL the browser sent, not the destination, so the handler's engine still sees `/__sameorigin/…`.
 * `undefined` when the config turns the inspector off or has no prefix route with a plain first
 * segment (a root catch-all handler, `app/[[...path]]/route.ts`, needs no rewrite).
 * @example toInspectorRewrite(resolved, '/__sameorigin/') // { source: '/__sameorigin/:path*', destination: '/api/__sameorigin/:path*' }
 */
export function toInspectorRewrite(resolved: ResolvedConfig, basePath: string): NextRewrite | undefined {
  if (resolved.inspector === false) return undefined
  const segment = resolved.routes
    .filter((route) => route.kind === 'prefix' && typeof route.source === 'string')
    .map((route) => String(route.source).split('/')[1] ?? '')
    .find((first) => PLAIN_SEGMENT.test(first))
  if (segment === undefined) return undefined
  const base = basePath.replace(/\/+$/, '')
  return { source: `${base}/:path*`, destination: `/${segment}${base}/:path*` }
}
