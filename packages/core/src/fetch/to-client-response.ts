import { describeUpstreamError } from '../errors/describe-upstream-error.ts'
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
 * a reader that cancels it is the browser leaving.
 */
export function toClientResponse(forward: ForwardRequest, flight: Flight, head: UpstreamResponse): Response {
  const { plan, request } = forward
  const { route } = plan.match
  const answer = planResponse(forward.pipeline, plan, head.status, head.headers)
  const { timer } = flight
  if (answer.eventStream) timer?.exempt()
  else timer?.touch()
  let body: ReadableStream<Uint8Array> | null = null
  if (head.body === null || NO_BODY_STATUSES.has(head.status) || request.method === 'HEAD') {
    if (head.body !== null) head.body.cancel().catch(() => {})
    flight.complete()
  } else {
    flight.download = relayStream(head.body, {
      highWaterMark: HIGH_WATER_MARK,
      onChunk: () => flight.timer?.touch(),
      onEnd: flight.complete,
      onError: (error) => flight.fail(describeUpstreamError(error, { route, proxy: flight.forwardProxy })),
      onCancel: flight.leave,
    })
    body = flight.download.stream
  }
  return toWebResponse(body, answer.status, head.statusText, answer.headers)
}
