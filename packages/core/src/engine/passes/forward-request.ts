import type { Transform } from 'node:stream'
import { describeUpstreamError } from '../../errors/describe-upstream-error.ts'
import { isProxyError } from '../../errors/proxy-error.ts'
import { toLogSafe } from '../../internal/to-log-safe.ts'
import type { RequestContext } from '../context.ts'
import { attachContext } from '../context.ts'
import { createBodyGuard } from '../create-body-guard.ts'
import { CLIENT_LEFT } from '../../inspector/trace-exchange.ts'
import { logRequest } from '../log-exchange.ts'
import { toHttpxyOptions, withUpstreamHeaders } from '../to-httpxy-options.ts'
import type { ForwardPlan } from '../../pipeline/types.ts'
import { startUpstreamTimer } from '../../pipeline/upstream-timer.ts'

/**
 * Hands the request to httpxy, which streams it to the upstream and the answer back (never
 * buffered). Errors before the response head become a 502/504 answer; after it, httpxy destroys the
 * client socket so a truncated body is never passed off as complete. A client that goes away
 * destroys the upstream request (httpxy's `res` close handler).
 */
export function forwardRequest(ctx: RequestContext, plan: ForwardPlan): void {
  const { engine, req, res } = ctx
  const { match } = plan
  const { route } = match
  // Node's server already answered `Expect: 100-continue` with `100 Continue` (there is no
  // `checkContinue` listener), so the expectation is met on this hop (RFC 9110 §10.1.1). Forwarding
  // it would also make Node flush the upstream head at once, before httpxy's `proxyReq` hook.
  const { expect: _met, ...headers } = plan.headers
  const options = toHttpxyOptions(ctx, plan)
  const guarded = guardBody(ctx, plan)
  if (guarded !== undefined) options.buffer = guarded
  ctx.timer = startUpstreamTimer(route, {
    // `fail` answers 504 (or cuts a started body) and aborts the upstream request.
    onTimeout: (error) => ctx.fail(error),
    isWaitingOnUpstream: () => isWaitingOnUpstream(ctx),
  })
  // The upload's last byte starts the upstream's turn to answer: a full `timeout` from there.
  req.once('end', () => ctx.timer?.touch())
  attachContext(ctx)
  // Before httpxy's own `close` listener (added by `web()` below), which aborts the upstream request:
  // whatever that abort causes then reads as the client's doing.
  res.once('close', () => {
    // Both: an HTTP/2 compatibility response reports `writableFinished` once its stream closed, reset
    // or not; only `writableEnded` says whether the response was ever ended.
    if (!res.writableEnded || !res.writableFinished) ctx.clientLeft = true
    ctx.timer?.clear()
    // httpxy aborts the upstream request on `!writableFinished` only, which misses HTTP/2.
    if (ctx.clientLeft === true) ctx.upstreamRequest?.destroy()
    ctx.trace?.end(ctx.failure ?? (ctx.clientLeft === true ? CLIENT_LEFT : undefined))
    logRequest(ctx)
  })
  engine.debug?.('%s %s → %s (route %s)', req.method, toLogSafe(req.url ?? ''), match.upstreamUrl, route.id)
  const done = withUpstreamHeaders(req, headers, () => engine.proxy.web(req, res, options))
  done.catch((error: unknown) => {
    ctx.fail(describeUpstreamError(error, { route, proxy: ctx.forwardProxy }))
  })
}

/**
 * An HTTP/2 body needs the body guard: nghttp2 refuses DATA beyond `content-length` only after the
 * bytes up to it went out (which would complete the upstream request), and an aborted stream still
 * emits `end` (which would end a chunked upstream body cleanly). HTTP/1.1 needs none: Node's parser
 * stops at `Content-Length`, and a body it did not finish emits no `end`.
 */
function guardBody(ctx: RequestContext, plan: ForwardPlan): Transform | undefined {
  const { req } = ctx
  const { body } = plan
  if (body.kind === 'none' || req.httpVersionMajor < 2) return undefined
  const guard = createBodyGuard(body, () => req.aborted || req.destroyed)
  guard.once('error', (error) => {
    if (isProxyError(error)) ctx.fail(error)
    else ctx.upstreamRequest?.destroy()
  })
  return req.pipe(guard)
}

/**
 * False while the browser, not the upstream, holds things up: it is still uploading (and the upload
 * is not paused by upstream backpressure), or it reads the response slower than the upstream sends.
 */
function isWaitingOnUpstream(ctx: RequestContext): boolean {
  const { req, res } = ctx
  if (ctx.status !== undefined) return !res.writableNeedDrain
  return req.complete || req.readableFlowing === false
}
