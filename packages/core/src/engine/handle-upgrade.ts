import type { IncomingMessage } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { Duplex } from 'node:stream'
import { toInternalError } from '../errors/to-internal-error.ts'
import { planUpgrade } from '../pipeline/plan-request.ts'
import { resolvePlanHeaders } from '../pipeline/resolve-plan-headers.ts'
import type { ForwardPlan } from '../pipeline/types.ts'
import type { EngineState, UpgradeContext } from './context.ts'
import { logFailure } from './log-exchange.ts'
import { forwardUpgrade } from './passes/forward-upgrade.ts'
import { sendUpgradeError } from './send-upgrade-error.ts'
import { NodeRequestView } from './to-pipeline-request.ts'

function createUpgradeContext(
  engine: EngineState,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): UpgradeContext {
  const ctx: UpgradeContext = {
    kind: 'upgrade',
    engine,
    pipeline: engine.pipeline,
    req,
    socket,
    head,
    startedAt: performance.now(),
    upgraded: false,
    refused: false,
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
 * The Node transport's upgrade handler: the pipeline decides (`planUpgrade`), this carries it out.
 * Returns `true` when the engine took the socket (proxying it, or answering an error on it), `false`
 * when the upgrade is the host's (not a WebSocket, an HMR path, no `ws` route): the socket is then
 * untouched. Never throws.
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
    const plan = planUpgrade(ctx.pipeline, new NodeRequestView(req))
    // A preflight answer never comes of an upgrade: CORS mode only checks its origin.
    if (plan.kind === 'pass' || plan.kind === 'answer') return false
    ctx.match = plan.match
    if (plan.kind === 'refuse') ctx.fail(plan.error)
    else {
      ctx.plan = plan
      if (plan.pendingHeaders !== undefined) forwardUpgradeWhenResolved(ctx, plan)
      else forwardUpgrade(ctx, plan)
    }
    return true
  } catch (error) {
    ctx.fail(toInternalError(error))
    return true
  }
}

function ignoreError(): void {}

/**
 * A route whose headers are computed: the handshake goes upstream once the function's values are in
 * (a failure is answered on the socket, before any 101). A socket closed meanwhile ends it quietly.
 */
function forwardUpgradeWhenResolved(ctx: UpgradeContext, plan: ForwardPlan): void {
  const { socket, engine } = ctx
  // Node removed its own listeners from an upgrade socket: a reset while waiting must not throw.
  socket.on('error', ignoreError)
  resolvePlanHeaders(plan).then(
    (error) => {
      socket.off('error', ignoreError)
      if (socket.destroyed) return
      if (engine.closed) return void socket.destroy()
      if (error !== undefined) return ctx.fail(error)
      try {
        forwardUpgrade(ctx, plan)
      } catch (cause) {
        ctx.fail(toInternalError(cause))
      }
    },
    (cause: unknown) => ctx.fail(toInternalError(cause)),
  )
}
