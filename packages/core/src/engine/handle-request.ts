import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { toInternalError } from '../errors/to-internal-error.ts'
import { toFallbackMock } from '../pipeline/mock/fallback.ts'
import { planRequest } from '../pipeline/plan-request.ts'
import { resolvePlanHeaders } from '../pipeline/resolve-plan-headers.ts'
import type { AnswerPlan, ForwardPlan } from '../pipeline/types.ts'
import { answerFailure } from './answer-failure.ts'
import { answerFromMock } from './answer-from-mock.ts'
import type { EngineState, RequestContext } from './context.ts'
import { fallBackToMock } from './fall-back-to-mock.ts'
import { forwardRequest } from './passes/forward-request.ts'
import { responsePasses } from './passes/index.ts'
import { NodeRequestView } from './to-pipeline-request.ts'
import { serveInspector } from './serve-inspector.ts'
import { inspectorFor } from '../inspector/inspector-for.ts'

function createRequestContext(
  engine: EngineState,
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): RequestContext {
  const ctx: RequestContext = {
    kind: 'request',
    engine,
    pipeline: engine.pipeline,
    req,
    res,
    next,
    startedAt: performance.now(),
    fail: (error) => {
      if (ctx.failure !== undefined) return
      ctx.failure = error
      ctx.timer?.clear()
      // The client left (any protocol): what broke is a consequence, not an upstream failure.
      if (ctx.clientLeft === true) return void ctx.upstreamRequest?.destroy()
      const mock = res.headersSent ? undefined : toFallbackMock(ctx.plan?.match.route, error)
      if (mock !== undefined) return fallBackToMock(ctx, mock, error)
      answerFailure(ctx, error)
    },
  }
  return ctx
}

/** A preflight the pipeline answered (CORS mode): no body, the request's own body drained. */
function answer(ctx: RequestContext, plan: AnswerPlan): void {
  const { req, res } = ctx
  res.writeHead(plan.status, plan.headers)
  if (!req.complete) req.resume()
  res.end()
  ctx.trace?.respond(plan)
  ctx.trace?.end()
}

/**
 * The Node transport's request handler: the pipeline decides (`planRequest`), this carries it out —
 * `next()` for a request that is not ours, the pipeline's answer or error answer, the route's mock
 * in `'always'` mode, or httpxy to forward. Never throws.
 */
export function handleRequest(
  engine: EngineState,
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (engine.closed) return next()
  const ctx = createRequestContext(engine, req, res, next)
  try {
    const request = new NodeRequestView(req)
    const plan = planRequest(ctx.pipeline, request)
    if (plan.kind === 'pass') return next()
    if (plan.kind === 'inspect') return serveInspector(ctx, plan)
    ctx.trace = inspectorFor(engine.inspection, ctx.pipeline)?.trace(request, plan)
    if (plan.kind === 'answer') return answer(ctx, plan)
    ctx.match = plan.match
    ctx.corsOrigin = plan.corsOrigin
    if (plan.kind === 'refuse') return ctx.fail(plan.error)
    ctx.plan = plan
    const { mock } = plan.match.route
    if (mock !== undefined && mock.mode === 'always') return answerFromMock(ctx, plan)
    if (plan.pendingHeaders !== undefined) return forwardWhenResolved(ctx, plan)
    forwardRequest(ctx, plan)
  } catch (error) {
    ctx.fail(toInternalError(error))
  }
}

/**
 * A route whose headers are computed: forwards once the function's values are in. Until then the
 * request body waits in `req`, paused (nothing reads it before httpxy pipes it), and no clock runs
 * (`forwardRequest` starts them). A client that leaves meanwhile ends it quietly: nothing is sent
 * upstream, nothing logged.
 */
function forwardWhenResolved(ctx: RequestContext, plan: ForwardPlan): void {
  const { res } = ctx
  const left = (): void => {
    ctx.clientLeft = true
  }
  res.once('close', left)
  resolvePlanHeaders(plan).then(
    (error) => {
      res.off('close', left)
      if (ctx.clientLeft === true || res.destroyed) {
        ctx.clientLeft = true
        return void ctx.req.destroy()
      }
      // The engine closed meanwhile (the host stopped): its agents are gone.
      if (ctx.engine.closed) return void res.destroy()
      if (error !== undefined) return ctx.fail(error)
      try {
        forwardRequest(ctx, plan)
      } catch (cause) {
        ctx.fail(toInternalError(cause))
      }
    },
    (cause: unknown) => ctx.fail(toInternalError(cause)),
  )
}

/** Runs the response passes on the upstream's response head (httpxy's `proxyRes` event). Never throws. */
export function handleResponse(ctx: RequestContext, proxyRes: IncomingMessage): void {
  try {
    for (const pass of responsePasses) pass(ctx, proxyRes)
  } catch (error) {
    ctx.fail(toInternalError(error))
  }
}
