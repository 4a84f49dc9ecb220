import type { ResolvedRoute } from '@sameorigin/core'
import type { ExportLoss } from '../types.ts'

const ENGINE = '`sameorigin export cloudflare` runs the engine itself, at the edge'

/**
 * What Caddy does not do of a route it does export: each a loss with why and what to do instead.
 * (A route it cannot export at all is one loss of its own, from `renderCaddyfile`.)
 */
export function toRouteLosses(route: ResolvedRoute): ExportLoss[] {
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
  return losses
}
