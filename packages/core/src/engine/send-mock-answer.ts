import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import { planMockAnswer } from '../pipeline/mock/plan-mock-answer.ts'
import type { MockAnswer } from '../pipeline/mock/types.ts'
import type { ForwardPlan } from '../pipeline/types.ts'
import type { RequestContext } from './context.ts'

/**
 * Sends a mock's answer as the pipeline plans it (`planMockAnswer`: rewritten like an upstream's,
 * marked `x-sameorigin-mock`). A request body nobody read is drained, so the connection stays
 * usable; a handler's streamed body is piped with backpressure and cut if it errors.
 */
export function sendMockAnswer(ctx: RequestContext, plan: ForwardPlan, answer: MockAnswer): void {
  const { req, res } = ctx
  const planned = planMockAnswer(ctx.pipeline, plan, req.method ?? 'GET', answer)
  ctx.mocked = answer.source
  ctx.status = planned.status
  if (!req.complete) req.resume()
  res.writeHead(planned.status, planned.headers)
  const { trace } = ctx
  trace?.respond(planned, { status: answer.status, headers: answer.headers })
  const { body } = planned
  if (body === null) return void res.end()
  if (body instanceof Uint8Array) {
    trace?.body('response', body)
    return void res.end(body)
  }
  const stream = Readable.fromWeb(body as NodeWebStream<Uint8Array>)
  if (trace !== undefined) stream.on('data', (chunk: Uint8Array) => trace.body('response', chunk))
  stream.once('error', () => res.destroy())
  res.once('close', () => stream.destroy())
  stream.pipe(res)
}
