import type { IncomingMessage } from 'node:http'
import { describeUpstreamError } from '../../errors/describe-upstream-error.ts'
import type { RequestContext } from '../context.ts'

/**
 * Watches the response body: every chunk restarts the idle clock (a stream that keeps sending is
 * never cut), an event stream has no idle limit once its head arrived, and an upstream that breaks
 * off mid-body is reported (httpxy then destroys the client socket, so the browser sees an error, not
 * a short body). A body cut short because the browser left is not an upstream failure. An upstream
 * connection whose request was not fully written when the answer ended is destroyed.
 */
export function watchResponseBody(ctx: RequestContext, proxyRes: IncomingMessage): void {
  const { timer } = ctx
  if (timer === undefined) throw new Error('watchResponseBody runs after forwarding')
  // An event stream may stay quiet for as long as it likes once its head arrived (`planResponse`).
  if (ctx.eventStream === true) timer.exempt()
  else {
    timer.touch()
    // Added in the same tick as httpxy's pipe, so the two see the same chunks and none is lost.
    proxyRes.on('data', timer.touch)
  }
  const { trace } = ctx
  if (trace !== undefined) proxyRes.on('data', (chunk: Uint8Array) => trace.body('response', chunk))
  proxyRes.once('end', timer.clear)
  // An upstream that breaks off mid-body. Prepended: httpxy's own `error` listener destroys `res`.
  // A body cut because the client left is told apart by `fail` (`ctx.clientLeft`), on every protocol.
  const onBroken = (cause: unknown): void => {
    timer.clear()
    if (ctx.match === undefined) return
    ctx.fail(describeUpstreamError(cause, { route: ctx.match.route, proxy: ctx.forwardProxy }))
  }
  proxyRes.prependListener('error', onBroken)
  proxyRes.once('close', () => {
    timer.clear()
    // The upstream answered before it read the whole request body (a 401 or 413 mid-upload, a
    // client abort): that connection's framing is in doubt, so it is destroyed, never pooled.
    const upstream = ctx.upstreamRequest
    if (upstream !== undefined && !upstream.writableFinished) upstream.destroy()
    if (!proxyRes.complete)
      onBroken(proxyRes.errored ?? Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))
  })
}
