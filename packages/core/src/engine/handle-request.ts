import type { IncomingMessage, ServerResponse } from 'node:http'
import { performance } from 'node:perf_hooks'
import { toInternalError } from '../errors/to-internal-error.ts'
import { toCorsHeaders } from '../rewrite/cors.ts'
import type { EngineState, RequestContext } from './context.ts'
import { logFailure } from './log-exchange.ts'
import { requestPasses, responsePasses } from './passes/index.ts'
import { sendError } from './send-error.ts'

function createRequestContext(
  engine: EngineState,
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): RequestContext {
  const ctx: RequestContext = {
    kind: 'request',
    engine,
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
        // In CORS mode the page must be able to read the error (a 502's code and hint) as well.
        if (engine.cors !== undefined && ctx.corsOrigin !== undefined)
          for (const [name, value] of Object.entries(toCorsHeaders(engine.cors, ctx.corsOrigin)))
            res.setHeader(name, value)
        sendError(req, res, error, ctx.match?.route)
      }
      // The head is out: destroying the socket is the only way to tell the browser the body is short.
      else res.destroy()
      ctx.upstreamRequest?.destroy(error)
    },
  }
  return ctx
}

/** Runs the request passes in order until one finishes the request. Never throws. */
export function handleRequest(
  engine: EngineState,
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
): void {
  if (engine.closed) return next()
  const ctx = createRequestContext(engine, req, res, next)
  try {
    for (const pass of requestPasses) if (pass(ctx)) return
    next()
  } catch (error) {
    ctx.fail(toInternalError(error))
  }
}

/** Runs the response passes on the upstream's response head (httpxy's `proxyRes` event). Never throws. */
export function handleResponse(ctx: RequestContext, proxyRes: IncomingMessage): void {
  try {
    for (const pass of responsePasses) pass(ctx, proxyRes)
  } catch (error) {
    ctx.fail(toInternalError(error))
  }
}
