import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { describeUpstreamError } from '../errors/describe-upstream-error.ts'
import { createError } from '../errors/proxy-error.ts'
import { toLogSafe } from '../internal/to-log-safe.ts'
import { planResponse } from '../pipeline/plan-response.ts'
import type { UpgradeContext } from './context.ts'
import { logFailure } from './log-exchange.ts'
import { whenConnected } from './when-connected.ts'

/** Ends `socket` once what was written to it is flushed, then frees it. */
function closeAfterFlush(socket: Duplex): void {
  if (socket.destroyed) return
  socket.once('finish', () => socket.destroy())
  socket.end()
}

/**
 * Attaches to httpxy's upstream handshake request (its `proxyReqWs` event): the connect and idle
 * clocks until the upstream answers; the rewrite core's rules for the `101` head (or for a refusal);
 * closing either side of an open WebSocket closes the other. Listeners are prepended, so they run
 * before httpxy writes anything to the client socket.
 */
export function watchUpgrade(ctx: UpgradeContext, proxyReq: ClientRequest): void {
  const { engine, socket, plan, timer } = ctx
  if (plan === undefined || timer === undefined) throw new Error('watchUpgrade runs last')
  const { match } = plan
  const toClient = (status: number, headers: IncomingHttpHeaders): IncomingHttpHeaders =>
    planResponse(ctx.pipeline, plan, status, headers).headers as IncomingHttpHeaders
  ctx.upstreamRequest = proxyReq
  proxyReq.once('socket', (upstream: Socket) => whenConnected(upstream, timer.connected))
  proxyReq.prependListener('error', (error: Error) => {
    if (!ctx.upgraded && !ctx.refused)
      ctx.fail(describeUpstreamError(error, { route: match.route, proxy: ctx.forwardProxy }))
  })

  proxyReq.prependOnceListener('upgrade', (proxyRes: IncomingMessage, proxySocket: Socket) => {
    ctx.upgraded = true
    // An open WebSocket may stay quiet for hours (an HMR socket does): no idle limit.
    timer.exempt()
    proxyRes.headers = toClient(101, proxyRes.headers)
    engine.sockets.add(proxySocket)
    proxySocket.once('close', () => {
      engine.sockets.delete(proxySocket)
      engine.wsDebug?.('upstream socket closed: %s', match.upstreamUrl)
      closeAfterFlush(socket)
    })
    socket.once('close', () => closeAfterFlush(proxySocket))
    engine.wsDebug?.('open: %s → %s', toLogSafe(ctx.req.url ?? ''), match.upstreamUrl)
  })

  proxyReq.prependOnceListener('response', (response: IncomingMessage) => {
    ctx.refused = true
    timer.clear()
    const status = response.statusCode ?? 502
    // httpxy re-frames a chunked refusal body from this field, so it must survive the rewrite.
    const framing = response.headers['transfer-encoding']
    const headers = toClient(status, response.headers)
    if (framing !== undefined) headers['transfer-encoding'] = framing
    response.headers = headers
    const error = createError('ERR_WS_UPGRADE_REFUSED', {
      message: `${match.route.target.origin} answered the WebSocket handshake with ${status} instead of 101 Switching Protocols.`,
      details: { route: match.route.id, target: match.route.target.href, status },
    })
    ctx.failure = error
    logFailure(ctx, error)
  })
}

/**
 * What ends an upgrade's httpxy promise with an error. Before the upgrade, upstream errors were
 * already answered by the `error` listener above, so what is left is the browser going away. After
 * it, an upstream failure is reported once; the browser closing its side is routine.
 */
export function onUpgradeSettledWithError(ctx: UpgradeContext, error: unknown): void {
  const { engine, socket, match } = ctx
  if (ctx.failure !== undefined || match === undefined) return
  if (ctx.upgraded && !socket.destroyed) {
    const cause = describeUpstreamError(error, { route: match.route, proxy: ctx.forwardProxy })
    ctx.fail(
      createError('ERR_WS_CONNECTION_LOST', {
        message: `The WebSocket connection to ${match.route.target.origin} failed: ${cause.message}`,
        cause: error,
        details: cause.details,
      }),
    )
    return
  }
  if (!ctx.upgraded && !socket.destroyed) {
    ctx.fail(describeUpstreamError(error, { route: match.route, proxy: ctx.forwardProxy }))
    return
  }
  engine.wsDebug?.(
    '%s ended: %s',
    toLogSafe(ctx.req.url ?? ''),
    error instanceof Error ? error.message : String(error),
  )
}
