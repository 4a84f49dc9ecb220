import type { IncomingMessage } from 'node:http'
import type { ProxyError } from '../errors/proxy-error.ts'
import { toInternalError } from '../errors/to-internal-error.ts'
import { describeNoMock, toStatusFailure } from '../pipeline/mock/fallback.ts'
import { toUnansweredFailure } from '../pipeline/mock/fallback.ts'
import { toLogSafe } from '../internal/to-log-safe.ts'
import { findMock } from '../pipeline/mock/find-mock.ts'
import type { ResolvedMock } from '../types.ts'
import type { RequestContext } from './context.ts'
import { answerFailure } from './answer-failure.ts'
import { logFailure } from './log-exchange.ts'
import { sendMockAnswer } from './send-mock-answer.ts'
import { toMockRequest } from './to-mock-request.ts'

/**
 * The backend failed before its head (unreachable, a timeout, a reset) on a `'fallback'` route: the
 * upstream request is aborted and the mock asked. Its answer goes to the browser and the failure's
 * `warn` line says it answered; with none, the error answer as usual, its hint naming the files
 * looked for.
 */
export function fallBackToMock(ctx: RequestContext, mock: ResolvedMock, error: ProxyError): void {
  const { res, plan } = ctx
  if (plan === undefined) return answerFailure(ctx, error)
  ctx.upstreamRequest?.destroy(error)
  findMock(mock, toMockRequest(ctx, plan, false), ctx.engine.mockIO)
    .then((result) => {
      if (ctx.clientLeft === true || res.destroyed || res.headersSent) return
      if (result.kind !== 'answer') return answerFailure(ctx, toUnansweredFailure(error, result))
      ctx.mocked = result.answer.source
      logFailure(ctx, error)
      sendMockAnswer(ctx, plan, result.answer)
    })
    .catch((cause: unknown) => {
      if (!res.headersSent) answerFailure(ctx, toInternalError(cause))
      else res.destroy()
    })
}

/**
 * The backend answered a status the `'fallback'` mock stands in for (503 while it deploys): its
 * body waits, paused, while the mock is asked. A mock's answer replaces it (the body is drained and
 * one `warn` line says so); with none, the backend's answer goes on as it came.
 */
export function fallBackOnStatus(
  ctx: RequestContext,
  mock: ResolvedMock,
  proxyRes: IncomingMessage,
  sendUpstream: () => void,
): void {
  const { res, plan } = ctx
  if (plan === undefined) return sendUpstream()
  proxyRes.pause()
  findMock(mock, toMockRequest(ctx, plan, false), ctx.engine.mockIO)
    .then((result) => {
      // A clock that ran out meanwhile, or a browser that left, owns the answer now.
      if (ctx.failure !== undefined || ctx.clientLeft === true || res.destroyed) return
      if (result.kind !== 'answer') {
        const what = `${ctx.req.method ?? 'GET'} ${toLogSafe(plan.match.path)}: the backend answered ${proxyRes.statusCode}.`
        if (result.kind === 'none') ctx.pipeline.log.debug?.(`${what} ${describeNoMock(result)}`)
        else ctx.pipeline.log.warn(`${what} The mock failed: ${result.error.message}`)
        ctx.timer?.touch()
        return sendUpstream()
      }
      ctx.timer?.clear()
      ctx.mocked = result.answer.source
      logFailure(ctx, toStatusFailure(proxyRes.statusCode ?? 0))
      // Drained, not destroyed: a destroyed upstream answer would cut the browser's (httpxy ties them).
      proxyRes.resume()
      sendMockAnswer(ctx, plan, result.answer)
    })
    .catch((cause: unknown) => ctx.fail(toInternalError(cause)))
}
