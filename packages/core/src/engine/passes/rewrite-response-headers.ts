import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { planResponse } from '../../pipeline/plan-response.ts'
import type { RequestContext } from '../context.ts'

/**
 * Replaces the upstream's response head with what the pipeline decides the browser gets
 * (`planResponse`). It runs in httpxy's `proxyRes` event, before httpxy copies the headers to the
 * client: `proxyRes` is the engine's own upstream response object, so replacing its `headers` changes
 * nothing of the caller's.
 */
export function rewriteResponseHeaders(ctx: RequestContext, proxyRes: IncomingMessage): void {
  const { plan } = ctx
  if (plan === undefined) throw new Error('rewriteResponseHeaders runs after forwarding')
  const answer = planResponse(ctx.pipeline, plan, proxyRes.statusCode ?? 502, proxyRes.headers)
  ctx.status = answer.status
  ctx.eventStream = answer.eventStream
  // A recording keeps what the upstream sent: a replay is rewritten again, like the live answer.
  if (plan.match.route.mock !== undefined) ctx.upstreamHeaders = proxyRes.headers
  ctx.trace?.respond(answer, { status: proxyRes.statusCode ?? 502, headers: proxyRes.headers })
  proxyRes.headers = answer.headers as IncomingHttpHeaders
}
