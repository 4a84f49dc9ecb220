import { performance } from 'node:perf_hooks'
import type { ProxyError } from '../errors/proxy-error.ts'
import { toLogSafe } from '../internal/to-log-safe.ts'
import type { BaseContext, RequestContext } from './context.ts'

/** `GET /api/users → http://127.0.0.1:8080/api/users`, with the client-sent parts made log-safe. */
function describeExchange(ctx: BaseContext): string {
  const method = toLogSafe(ctx.req.method ?? '?')
  const path = toLogSafe(ctx.req.url ?? '')
  const upstream = ctx.match === undefined ? '(not forwarded)' : toLogSafe(ctx.match.upstreamUrl)
  return `${method} ${path} → ${upstream}`
}

/**
 * The one `warn` line for a failed request or upgrade: what was asked, where it went, the status and
 * code, the route, the cause and the hint. The stack goes to `DEBUG=sameorigin:engine` only, so the
 * host's terminal keeps one line per failure.
 */
export function logFailure(ctx: BaseContext, error: ProxyError): void {
  const route = ctx.match === undefined ? '' : `, route ${ctx.match.route.id}`
  const via = ctx.forwardProxy === undefined ? '' : `, via ${ctx.forwardProxy}`
  const what = ctx.kind === 'upgrade' ? 'WebSocket ' : ''
  const line = `${what}${describeExchange(ctx)} failed (${error.status} ${error.code}${route}${via}): ${error.message} Hint: ${error.hint}`
  // `close()` cuts what is in flight on purpose: that is not worth a warning per request.
  if (ctx.engine.closed) ctx.engine.log.debug?.(line)
  else ctx.engine.log.warn(line)
  ctx.engine.debug?.('%s failed: %O', describeExchange(ctx), error)
}

/** The `debug` line every proxied request gets when it ends: method, path → upstream, status, time. */
export function logRequest(ctx: RequestContext): void {
  const debug = ctx.engine.log.debug
  if (debug === undefined) return
  const ms = Math.round(performance.now() - ctx.startedAt)
  const { res } = ctx
  const status = res.headersSent ? String(res.statusCode) : '---'
  const closed = ctx.clientLeft === true ? ' (closed before the response was complete)' : ''
  debug(`${describeExchange(ctx)} ${status} ${ms}ms${closed}`)
}
