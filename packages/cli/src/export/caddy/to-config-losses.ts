import type { ResolvedRoute } from '@sameorigin/core'
import type { ExportLoss } from '../types.ts'

/**
 * What Caddy does not do for any route, declared once for the config (not per route): the `Refresh`
 * header's URL (with `redirects`) and the silence between body chunks (with a `timeout`).
 */
export function toConfigLosses(routes: readonly ResolvedRoute[]): ExportLoss[] {
  const losses: ExportLoss[] = []
  if (routes.some((route) => route.redirects))
    losses.push({
      route: undefined,
      behaviour: 'Refresh rewriting (redirects)',
      why: 'Caddy rewrites Location and Content-Location with regular expressions; the URL inside a Refresh header passes unchanged',
      instead: 'answer with a Location redirect, or point Refresh at the public origin',
    })
  if (routes.some((route) => route.timeout > 0))
    losses.push({
      route: undefined,
      behaviour: 'silence between body chunks (timeout)',
      why: "Caddy's response_header_timeout bounds the wait for the answer's headers only (its read timeout would also end quiet event streams, which the engine exempts)",
    })
  return losses
}
