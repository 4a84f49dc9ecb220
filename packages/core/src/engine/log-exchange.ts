import { performance } from 'node:perf_hooks'
import type { ProxyError } from '../errors/proxy-error.ts'
import { describeExchange, describeFailure } from '../pipeline/describe-failure.ts'
import type { FailedExchange } from '../pipeline/describe-failure.ts'
import type { BaseContext, RequestContext } from './context.ts'

function toExchange(ctx: BaseContext): FailedExchange {
  return {
    method: ctx.req.method ?? '?',
    url: ctx.req.url ?? '',
    match: ctx.match,
    upgrade: ctx.kind === 'upgrade',
    forwardProxy: ctx.forwardProxy,
    mock: (ctx as Partial<RequestContext>).mocked,
    mockOnly: (ctx as Partial<RequestContext>).mockOnly,
  }
}

/**
 * Logs the one `warn` line of a failed request or upgrade (`describeFailure`, the same line from every
 * transport). The stack goes to `DEBUG=sameorigin:engine` only, so the host's terminal keeps one line
 * per failure.
 */
export function logFailure(ctx: BaseContext, error: ProxyError): void {
  const { log } = ctx.pipeline
  const line = describeFailure(toExchange(ctx), error)
  // `close()` cuts what is in flight on purpose: that is not worth a warning per request.
  if (ctx.engine.closed) log.debug?.(line)
  else log.warn(line)
  ctx.engine.debug?.('%s failed: %O', describeExchange(toExchange(ctx)), error)
}

/**
 * The `debug` line every proxied request gets when it ends: method, path → upstream (or the mock
 * that answered), status, time.
 */
export function logRequest(ctx: RequestContext): void {
  const debug = ctx.pipeline.log.debug
  if (debug === undefined) return
  const ms = Math.round(performance.now() - ctx.startedAt)
  const { res } = ctx
  const status = res.headersSent ? String(res.statusCode) : '---'
  const closed = ctx.clientLeft === true ? ' (closed before the response was complete)' : ''
  const exchange = ctx.mocked === undefined ? toExchange(ctx) : { ...toExchange(ctx), mockOnly: true }
  debug(`${describeExchange(exchange)} ${status} ${ms}ms${closed}`)
}
