import type { ResolvedRoute } from '@sameorigin/core'
import type { ExportLoss } from '../types.ts'
import type { CaddyPathPlan } from './to-path-plan.ts'

const ENGINE = '`sameorigin export cloudflare` runs the engine itself, at the edge'

/**
 * What Caddy does not do of a route it does export: each a loss with why and what to do instead.
 * (A route it cannot export at all is one loss of its own, from `renderCaddyfile`.)
 */
export function toRouteLosses(route: ResolvedRoute, plan: CaddyPathPlan): ExportLoss[] {
  const losses: ExportLoss[] = []
  const add = (behaviour: string, why: string, instead?: string): void => {
    losses.push({ route: route.id, behaviour, why, ...(instead === undefined ? {} : { instead }) })
  }
  if (route.headersFunction !== undefined)
    add(
      'request headers computed per request (headers: a function)',
      'a Caddyfile runs no JavaScript: the function is not called, no header it returns is sent',
      `set the values the backend needs with a static \`headers\` object, or ${ENGINE}`,
    )
  if (route.mock !== undefined)
    add('answers from a mock (mock)', 'mocks are a development aid: Caddy always forwards to the backend')
  if (plan.query !== '')
    add(
      `the rewrite's query replacing the request's values (${plan.query})`,
      "Caddy 2.6 can append a query but not replace a parameter: when the request carries a name the rewrite sets, both values go upstream (the request's first)",
      'have the backend take the value from a header (`headers`), or ' + ENGINE,
    )
  if (!route.xfwd)
    add(
      "the client's X-Forwarded-* passed untouched (xfwd: false)",
      "Caddy always writes X-Forwarded-For, -Proto and -Host: the client's values are copied back, but one the client did not send arrives empty rather than absent",
    )
  if (plan.reverseLost && (route.cookies || route.redirects))
    add(
      'Location and cookie Path taken back through the rewrite (redirects, cookies)',
      'the rewrite is no plain prefix swap, which is all a header_down regular expression can reverse: upstream paths in Location and cookie Path stay as the backend wrote them (Location still made relative, Domain still dropped)',
      'write the rewrite as `<prefix>/:path*`, or ' + ENGINE,
    )
  return losses
}
