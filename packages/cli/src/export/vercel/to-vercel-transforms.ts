import type { ResolvedRoute } from '@sameorigin/core/rules'
import type { VercelTransform } from './types.ts'

/** `headers` as transforms of one scope: a string sets the header, `null` removes it. */
function toTransforms(
  type: VercelTransform['type'],
  headers: Readonly<Record<string, string | null>>,
): VercelTransform[] {
  return Object.entries(headers).map(([key, value]) =>
    value === null
      ? { type, op: 'delete', target: { key } }
      : { type, op: 'set', target: { key }, args: value },
  )
}

/**
 * A route's fixed request headers (`headers`) and response headers (`responseHeaders`) as the
 * `transforms` of its rewrites: they apply only when that rewrite forwards the request, as the
 * engine applies them only for the route that matched (a top-level `headers` entry would apply to
 * every request whose path matches, whichever route took it).
 */
export function toVercelTransforms(route: ResolvedRoute): VercelTransform[] {
  return [
    ...toTransforms('request.headers', route.headers),
    ...toTransforms('response.headers', route.responseHeaders),
  ]
}
