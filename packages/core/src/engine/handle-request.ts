import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { toInternalError } from '../errors/to-internal-error.ts'
import { planRequest } from '../pipeline/plan-request.ts'
import { toErrorAnswer } from '../pipeline/to-error-answer.ts'
import { resolvePlanHeaders } from '../pipeline/resolve-plan-headers.ts'
import type { AnswerPlan, ForwardPlan } from '../pipeline/types.ts'
import type { EngineState, RequestContext } from './context.ts'
import { logFailure } from './log-exchange.ts'
import { forwardRequest } from './passes/forward-request.ts'
import { responsePasses } from './passes/index.ts'
import { sendError } from './send-error.ts'
import { NodeRequestView } from './to-pipeline-request.ts'

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
      logFailure(ctx, error)
      if (!res.headersSent) {
        // httpxy may have copied the upstream's head onto `res` without sending it yet: none of it
        // (Content-Length above all) belongs to the error answer.
        if (ctx.status !== undefined) for (const name of res.getHeaderNames()) res.removeHeader(name)
        const { method = 'GET', headers } = req
        const route = ctx.match?.route
        sendError(
          req,
          res,
          toErrorAnswer(ctx.pipeline, error, { method, headers, route, corsOrigin: ctx.corsOrigin }),
        )
      }
      // The head is out: destroying the socket is the only way to tell the browser the body is short.
      else res.destroy()
      ctx.upstreamRequest?.destroy(error)
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
}

/**
 * The Node transport's request handler: the pipeline decides (`planRequest`), this carries it out —
 * `next()` for a request that is not ours, the pipeline's answer or error answer, or httpxy to
 * forward. Never throws.
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
    const plan = planRequest(ctx.pipeline, new NodeRequestView(req))
    if (plan.kind === 'pass') return next()
    if (plan.kind === 'answer') return answer(ctx, plan)
    ctx.match = plan.match
    ctx.corsOrigin = plan.corsOrigin
    if (plan.kind === 'refuse') return ctx.fail(plan.error)
    ctx.plan = plan
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
