import type { ResolvedConfig } from '@sameorigin/core/rules'
import type { ExportLoss } from '../types.ts'

function global(behaviour: string, why: string): ExportLoss {
  return { route: undefined, behaviour, why }
}

/** What nginx cannot do for the whole config. */
export function collectConfigLosses(config: ResolvedConfig, origin: URL): ExportLoss[] {
  const losses: ExportLoss[] = []
  const { routes } = config
  if (routes.some((route) => route.redirects))
    losses.push(
      global('Content-Location rewriting (redirects)', 'proxy_redirect rewrites Location and Refresh only'),
    )
  if (routes.some((route) => route.timeout !== 0))
    losses.push(
      global(
        'timeout, for event streams and websockets',
        'nginx sets its timeout before the answer says what it is: a request asking for an event stream (Accept: text/event-stream) gets none, even before its headers arrive, and a websocket silent that long is closed',
      ),
    )
  if (origin.protocol === 'http:' && routes.some((route) => route.cookies))
    losses.push(
      global(
        'SameSite=None and __Secure-/__Host- cookies on plain http (cookies)',
        'nginx drops Secure but cannot lower only SameSite=None to Lax or rename secure-prefixed cookies: browsers refuse those cookies on http',
      ),
    )
  return losses
}
