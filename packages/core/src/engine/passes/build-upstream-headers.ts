import { toUpstreamHeaders } from '../../rewrite/to-upstream-headers.ts'
import type { RequestContext, UpgradeContext } from '../context.ts'

/**
 * Computes exactly the headers the upstream receives. The rewrite core decides every one of them
 * (hop-by-hop, Host, X-Forwarded-*, Origin/Referer, route headers); the engine adds none.
 */
export function buildUpstreamHeaders(ctx: RequestContext | UpgradeContext): boolean {
  const { match, dev, req } = ctx
  if (match === undefined || dev === undefined) throw new Error('buildUpstreamHeaders runs after matching')
  ctx.upstreamHeaders = toUpstreamHeaders(req.headers, {
    match,
    dev,
    clientAddress: req.socket.remoteAddress,
    upgrade: ctx.kind === 'upgrade',
  })
  return false
}
