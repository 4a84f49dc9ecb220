import type { IncomingMessage } from 'node:http'
import { startRecording } from '../../pipeline/mock/start-recording.ts'
import type { RequestContext } from '../context.ts'
import { fallBackOnStatus } from '../fall-back-to-mock.ts'

/**
 * A route with a mock, on the upstream's head. `'record'`: a copy of the body is taken as it passes
 * (a `data` listener beside httpxy's pipe: nothing waits for it) and saved when it ended cleanly.
 * `'fallback'`: httpxy leaves the head to this pass (`selfHandleResponse`), so that a status in
 * `mock.statuses` can be answered from the mock instead; any other answer is written and piped as
 * httpxy would. Every other route returns at the first check.
 */
export function handleMockResponse(ctx: RequestContext, proxyRes: IncomingMessage): void {
  const mock = ctx.plan?.match.route.mock
  if (mock === undefined || ctx.plan === undefined) return
  if (mock.mode === 'record') return record(ctx, proxyRes)
  if (mock.mode !== 'fallback') return
  const send = (): void => sendUpstreamAnswer(ctx, proxyRes)
  if (mock.statuses.has(proxyRes.statusCode ?? 0)) fallBackOnStatus(ctx, mock, proxyRes, send)
  else send()
}

function record(ctx: RequestContext, proxyRes: IncomingMessage): void {
  const { plan } = ctx
  if (plan === undefined) return
  const recording = startRecording(ctx.pipeline, ctx.engine.mockIO, plan, {
    method: ctx.req.method ?? 'GET',
    status: proxyRes.statusCode ?? 0,
    headers: ctx.upstreamHeaders ?? {},
    eventStream: ctx.eventStream === true,
  })
  if (recording === undefined) return
  proxyRes.on('data', recording.add)
  proxyRes.once('end', () => {
    if (ctx.failure === undefined && ctx.clientLeft !== true) recording.finish()
  })
}

/**
 * The upstream's answer as httpxy writes it (its `writeStatusCode` and `writeHeaders` passes, with
 * every rewriting option off): the status, the reason phrase on HTTP/1.x, the head `planResponse`
 * left on `proxyRes`, then the body piped.
 */
function sendUpstreamAnswer(ctx: RequestContext, proxyRes: IncomingMessage): void {
  const { req, res } = ctx
  if (res.headersSent || res.destroyed) return void proxyRes.resume()
  res.statusCode = proxyRes.statusCode ?? 502
  if (proxyRes.statusMessage && req.httpVersionMajor < 2) res.statusMessage = proxyRes.statusMessage
  for (const [name, value] of Object.entries(proxyRes.headers)) {
    if (value === undefined) continue
    try {
      res.setHeader(name, value)
    } catch {
      // httpxy skips a field Node refuses; so does this.
    }
  }
  proxyRes.pipe(res)
}
