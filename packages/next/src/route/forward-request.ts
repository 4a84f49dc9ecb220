import type { ClientRequest, IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { Readable } from 'node:stream'
import type { Logger, Match, ProxyError } from '@sameorigin/core'
import { createBodyGuard, isProxyError } from '@sameorigin/core'
import type { DevOrigin, HeaderRecord, RequestBody } from '@sameorigin/core/rewrite'
import { describeUpstreamError, toClientHeaders } from '@sameorigin/core/rewrite'
import { toErrorResponse } from './error-response.ts'
import { startIdleTimer } from './idle-timer.ts'
import type { UpstreamAgents } from './upstream-agents.ts'

/** What {@link forwardRequest} needs besides the request. */
export interface ForwardContext {
  readonly match: Match
  readonly dev: DevOrigin
  /** How the request's body is delimited (`parseRequestBody`), which `upstreamHeaders` announce. */
  readonly body: RequestBody
  /** The body to send (the request's, or what `peekBody` made of it); `null`: none. */
  readonly source: ReadableStream<Uint8Array> | null
  readonly upstreamHeaders: HeaderRecord
  readonly agents: UpstreamAgents
  readonly logger: Logger
}

// Statuses whose response never has a body (RFC 9110 §6.4.1); a Web Response refuses one.
const NO_BODY = new Set([101, 204, 205, 304])
// Bytes buffered between the upstream socket and Next's reader before the upstream is paused.
const HIGH_WATER_MARK = 64 * 1024

/**
 * Sends `request` to the matched upstream and resolves with the answer as a Web `Response`, both
 * bodies streamed (never buffered, so size is unbounded): the upload is piped from `request.body`,
 * the download flows into a `ReadableStream` that pauses the upstream when Next reads slowly.
 * Failures before the response head resolve to the engine's 502/504 answer and one logged line; after
 * it, the body stream errors, so a truncated body is never passed off as complete.
 */
export function forwardRequest(request: Request, context: ForwardContext): Promise<Response> {
  const { match, dev, agents, logger } = context
  const { route } = match
  // Node's server already answered any `Expect: 100-continue` on this hop.
  const { expect: _met, ...headers } = context.upstreamHeaders
  return new Promise((resolve) => {
    let head: IncomingMessage | undefined
    let body: ReadableStreamDefaultController<Uint8Array> | undefined
    // Set when the client left (its request aborted, or the response body cancelled, as a closed
    // event stream does): what breaks after that is its doing, never logged as the upstream's.
    let clientLeft = false
    const fail = (error: ProxyError): void => {
      timer.clear()
      upstream.destroy()
      if (!clientLeft && !request.signal.aborted) {
        const line = `${request.method} ${match.path}${match.search} → ${match.upstreamUrl} failed (${error.status} ${error.code}, route ${route.id}): ${error.message} Hint: ${error.hint}`
        logger.warn(`sameorigin: ${line}`)
      }
      if (head === undefined) resolve(toErrorResponse(request, error, route))
      else body?.error(error)
    }
    const send = route.target.protocol === 'https:' ? httpsRequest : httpRequest
    const upstream = send({
      hostname: route.target.hostname,
      port: route.target.port,
      path: match.upstreamPath + match.upstreamSearch,
      method: request.method,
      headers,
      agent: agents.forRoute(route),
    })
    const timer = startIdleTimer(route, upstream, fail)
    upstream.on('error', (error) => fail(describeUpstreamError(error, { route })))
    request.signal.addEventListener('abort', () => upstream.destroy(), { once: true })

    upstream.on('response', (res) => {
      head = res
      // An answer that ended before the whole body was written (a 401 or 413 mid-upload): the
      // connection's framing is in doubt, so it is destroyed, never pooled.
      res.once('close', () => {
        if (!upstream.writableFinished) upstream.destroy()
      })
      const status = res.statusCode ?? 502
      const isEventStream = res.headers['content-type']?.startsWith('text/event-stream') === true
      // An event stream may stay quiet for as long as it likes once its head arrived.
      if (isEventStream) timer.clear()
      else timer.touch()
      const clientHeaders = toClientHeaders(res.headers, { match, dev, status })
      const responseHeaders = new Headers()
      for (const [name, value] of Object.entries(clientHeaders)) {
        for (const one of typeof value === 'string' ? [value] : value) responseHeaders.append(name, one)
      }
      const stream =
        NO_BODY.has(status) || request.method === 'HEAD'
          ? null
          : new ReadableStream<Uint8Array>(
              {
                start(controller) {
                  body = controller
                  res.on('data', (chunk: Buffer) => {
                    if (!isEventStream) timer.touch()
                    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
                    if ((controller.desiredSize ?? 0) <= 0) res.pause()
                  })
                  res.on('end', () => {
                    timer.clear()
                    controller.close()
                  })
                  res.on('aborted', () =>
                    fail(
                      describeUpstreamError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), {
                        route,
                      }),
                    ),
                  )
                },
                pull: () => {
                  res.resume()
                },
                cancel: () => {
                  clientLeft = true
                  timer.clear()
                  upstream.destroy()
                },
              },
              new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK }),
            )
      if (stream === null) {
        timer.clear()
        res.resume()
      }
      resolve(new Response(stream, { status, statusText: res.statusMessage, headers: responseHeaders }))
    })

    if (context.source === null || context.body.kind === 'none') upstream.end()
    else sendBody(context.source, request.signal, context.body, upstream, { touch: timer.touch, fail })
  })
}

/**
 * Streams the Web body into the upstream request through the body guard (a Web body's length is only
 * what its header says, and its end is no proof the client finished): the last bytes wait for a
 * clean end, and a body longer or shorter than declared, or cut off, fails the request instead.
 */
function sendBody(
  source: ReadableStream<Uint8Array>,
  signal: AbortSignal,
  body: RequestBody,
  upstream: ClientRequest,
  clock: { touch: () => void; fail: (error: ProxyError) => void },
): void {
  const upload = Readable.fromWeb(source as import('node:stream/web').ReadableStream<Uint8Array>)
  // The browser, not the upstream, is the slow side while it uploads: keep the clock fresh.
  upload.on('data', clock.touch)
  upload.on('error', () => upstream.destroy())
  const guard = createBodyGuard(body, () => signal.aborted)
  guard.once('error', (error) => {
    if (isProxyError(error)) clock.fail(error)
    else upstream.destroy()
  })
  upload.pipe(guard).pipe(upstream)
}
