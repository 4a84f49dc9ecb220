import { describeUpstreamError } from '../errors/describe-upstream-error.ts'
import { startRecording } from '../pipeline/mock/start-recording.ts'
import type { MockIO } from '../pipeline/mock/types.ts'
import { planResponse } from '../pipeline/plan-response.ts'
import type { Flight } from './flight.ts'
import type { ForwardRequest } from './forward-exchange.ts'
import { relayStream } from './relay-stream.ts'
import { NO_BODY_STATUSES, toWebResponse } from './to-web-response.ts'
import type { UpstreamResponse } from './types.ts'

/** Bytes of the answer queued ahead of a slow reader before the upstream is read no further. */
const HIGH_WATER_MARK = 64 * 1024

/**
 * The browser's `Response` for the upstream's: the head as `planResponse` rewrote it, the body
 * relayed with backpressure (each chunk restarts the idle clock; an event stream has none). No body
 * for 101/204/205/304 or a HEAD request. A body that breaks off errors the stream (one logged line);
 * a reader that cancels it is the browser leaving. On a `'record'` route a copy of the body is
 * saved once it ended cleanly (`startRecording`).
 */
export function toClientResponse(
  forward: ForwardRequest,
  flight: Flight,
  head: UpstreamResponse,
  mockIO: MockIO | undefined,
): Response {
  const { plan, request } = forward
  const { route } = plan.match
  const answer = planResponse(forward.pipeline, plan, head.status, head.headers)
  // A 'record' route keeps a copy of what the upstream sent, as it passes (never waited on).
  const recording =
    route.mock !== undefined && route.mock.mode === 'record' && mockIO !== undefined
      ? startRecording(forward.pipeline, mockIO, plan, {
          method: request.method,
          status: head.status,
          headers: head.headers,
          eventStream: answer.eventStream,
        })
      : undefined
  const { trace } = forward
  trace?.respond(answer, head)
  const { timer } = flight
  if (answer.eventStream) timer?.exempt()
  else timer?.touch()
  let body: ReadableStream<Uint8Array> | null = null
  if (head.body === null || NO_BODY_STATUSES.has(head.status) || request.method === 'HEAD') {
    if (head.body !== null) head.body.cancel().catch(() => {})
    flight.complete()
    recording?.finish()
    trace?.end()
  } else {
    flight.download = relayStream(head.body, {
      highWaterMark: HIGH_WATER_MARK,
      onChunk: (chunk) => {
        flight.timer?.touch()
        recording?.add(chunk)
        trace?.body('response', chunk)
      },
      onEnd: () => {
        flight.complete()
        recording?.finish()
        trace?.end()
      },
      onError: (error) => flight.fail(describeUpstreamError(error, { route, proxy: flight.forwardProxy })),
      onCancel: flight.leave,
    })
    body = flight.download.stream
  }
  return toWebResponse(body, answer.status, head.statusText, answer.headers)
}
