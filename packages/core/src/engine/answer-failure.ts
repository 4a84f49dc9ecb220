import type { ProxyError } from '../errors/proxy-error.ts'
import { toErrorAnswer } from '../pipeline/to-error-answer.ts'
import type { RequestContext } from './context.ts'
import { logFailure } from './log-exchange.ts'
import { sendError } from './send-error.ts'

/**
 * Ends a failed request: the one `warn` line, then the error answer while the head is not sent, or
 * a destroyed socket when it is; the upstream request is aborted.
 */
export function answerFailure(ctx: RequestContext, error: ProxyError): void {
  const { req, res } = ctx
  logFailure(ctx, error)
  if (!res.headersSent) {
    // httpxy may have copied the upstream's head onto `res` without sending it yet: none of it
    // (Content-Length above all) belongs to the error answer.
    if (ctx.status !== undefined) for (const name of res.getHeaderNames()) res.removeHeader(name)
    const { method = 'GET', headers } = req
    const route = ctx.match?.route
    const answer = toErrorAnswer(ctx.pipeline, error, { method, headers, route, corsOrigin: ctx.corsOrigin })
    sendError(req, res, answer)
    ctx.trace?.fail(answer, error)
  }
  // The head is out: destroying the socket is the only way to tell the browser the body is short.
  else res.destroy()
  ctx.upstreamRequest?.destroy(error)
  ctx.trace?.end(error)
}
