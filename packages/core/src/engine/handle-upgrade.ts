import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { Duplex } from 'node:stream'
import type { EngineState, UpgradeContext } from './context.ts'
import { toInternalError } from '../errors/to-internal-error.ts'
import { logFailure } from './log-exchange.ts'
import { upgradePasses } from './passes/index.ts'
import { sendUpgradeError } from './send-upgrade-error.ts'

function createUpgradeContext(
  engine: EngineState,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): UpgradeContext {
  const ctx: UpgradeContext = {
    kind: 'upgrade',
    engine,
    req,
    socket,
    head,
    startedAt: performance.now(),
    upgraded: false,
    refused: false,
    declined: false,
    fail: (error) => {
      if (ctx.failure !== undefined) return
      ctx.failure = error
      ctx.timer?.clear()
      logFailure(ctx, error)
      ctx.upstreamRequest?.destroy()
      // Before the 101 the browser can still be told why; after it, closing is all that is left.
      if (!ctx.upgraded && !ctx.refused) sendUpgradeError(ctx.socket, error)
      else ctx.socket.destroy()
    },
  }
  return ctx
}

/**
 * Runs the upgrade passes in order. Returns `true` when the engine took the socket (proxying it, or
 * answering an error on it), `false` when the upgrade is the host's (not a WebSocket, an HMR path,
 * no `ws` route): the socket is then untouched. Never throws.
 */
export function handleUpgrade(
  engine: EngineState,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): boolean {
  if (engine.closed) return false
  const ctx = createUpgradeContext(engine, req, socket, head)
  try {
    for (const pass of upgradePasses) if (pass(ctx)) return !ctx.declined
    return false
  } catch (error) {
    ctx.fail(toInternalError(error))
    return true
  }
}
