import { toInternalError } from '../errors/to-internal-error.ts'
import { toMockNotFound } from '../pipeline/mock/fallback.ts'
import { findMock } from '../pipeline/mock/find-mock.ts'
import type { ForwardPlan } from '../pipeline/types.ts'
import type { RequestContext } from './context.ts'
import { CLIENT_LEFT } from '../inspector/trace-exchange.ts'
import { logRequest } from './log-exchange.ts'
import { sendMockAnswer } from './send-mock-answer.ts'
import { toMockRequest } from './to-mock-request.ts'

/**
 * A route whose mock is in `'always'` mode: the mock answers and the backend is never contacted. No
 * match is `404 ERR_MOCK_NOT_FOUND` naming the files looked for; a handler that fails or a file that
 * cannot be used is its own error answer. One `debug` line per answer, as for a forwarded request.
 */
export function answerFromMock(ctx: RequestContext, plan: ForwardPlan): void {
  const { res, req } = ctx
  const mock = plan.match.route.mock
  if (mock === undefined) throw new Error('answerFromMock needs a route with a mock')
  ctx.mockOnly = true
  res.once('close', () => {
    if (!res.writableEnded || !res.writableFinished) ctx.clientLeft = true
    ctx.trace?.end(ctx.failure ?? (ctx.clientLeft === true ? CLIENT_LEFT : undefined))
    logRequest(ctx)
  })
  const request = toMockRequest(ctx, plan, true)
  findMock(mock, request, ctx.engine.mockIO)
    .then(
      (result) => {
        request.release()
        if (ctx.clientLeft === true || res.destroyed) return
        if (result.kind === 'answer') return sendMockAnswer(ctx, plan, result.answer)
        const method = req.method ?? 'GET'
        ctx.fail(result.kind === 'error' ? result.error : toMockNotFound(method, plan.match.path, result))
      },
      (cause: unknown) => ctx.fail(toInternalError(cause)),
    )
    .catch((cause: unknown) => ctx.fail(toInternalError(cause)))
}
