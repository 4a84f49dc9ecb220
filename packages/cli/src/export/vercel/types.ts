import type { NextRouteHas } from '@sameorigin/next'

/** One of Vercel's rewrite transforms: a header set or removed on the request or the answer. */
export interface VercelTransform {
  readonly type: 'request.headers' | 'response.headers'
  readonly op: 'set' | 'delete'
  readonly target: { readonly key: string }
  readonly args?: string
}

/** A `has` / `missing` condition of a Vercel rewrite: Vercel's schema is Next's. */
export type VercelCondition = NextRouteHas

/** One entry of `vercel.json`'s `rewrites`, as the export writes it. */
export interface VercelRewrite {
  readonly source: string
  readonly destination: string
  readonly has?: readonly VercelCondition[]
  readonly missing?: readonly VercelCondition[]
  readonly transforms?: readonly VercelTransform[]
}
