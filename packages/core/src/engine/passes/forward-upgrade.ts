import type { Socket } from 'node:net'
import { toLogSafe } from '../../internal/to-log-safe.ts'
import type { UpgradeContext } from '../context.ts'
import { attachContext } from '../context.ts'
import { toHttpxyOptions, withUpstreamHeaders } from '../to-httpxy-options.ts'
import type { ForwardPlan } from '../../pipeline/types.ts'
import { startUpstreamTimer } from '../../pipeline/upstream-timer.ts'
import { onUpgradeSettledWithError } from '../watch-upgrade.ts'

/**
 * Hands the handshake to httpxy's `ws()`, which opens the upstream connection and, on `101`, pipes the
 * two sockets together. `watchUpgrade` (from the `proxyReqWs` event) applies the header rules to the
 * answer and links closing; this sets the clocks and remembers the socket for `close()`.
 */
export function forwardUpgrade(ctx: UpgradeContext, plan: ForwardPlan): void {
  const { engine, req, socket, head } = ctx
  const { match, headers } = plan
  const options = toHttpxyOptions(ctx, plan)
  ctx.timer = startUpstreamTimer(match.route, {
    onTimeout: (error) => ctx.fail(error),
  })
  attachContext(ctx)
  engine.sockets.add(socket)
  socket.once('close', () => {
    engine.sockets.delete(socket)
    ctx.timer?.clear()
  })
  engine.wsDebug?.('%s → %s (route %s)', toLogSafe(req.url ?? ''), match.upstreamUrl, match.route.id)
  // Node hands 'upgrade' listeners a net.Socket (or tls.TLSSocket), typed as the Duplex it extends.
  const done = withUpstreamHeaders(req, headers, () => engine.proxy.ws(req, socket as Socket, options, head))
  done.catch((error: unknown) => onUpgradeSettledWithError(ctx, error))
}
