import { warnUnverifiedTls } from '../pipeline/warn-unverified-tls.ts'
import { isProxyError } from '../errors/proxy-error.ts'
import type { HeaderRecord } from '../rewrite/types.ts'
import { createWebBodyGuard } from './create-web-body-guard.ts'
import type { Flight } from './flight.ts'
import type { ForwardRequest } from './forward-exchange.ts'
import { relayStream } from './relay-stream.ts'
import type { UpstreamExchange } from './types.ts'

/**
 * The request the client sends: the planned target, method and headers (`expect` removed: the host
 * met it on the browser's hop, RFC 9110 §10.1.1), and the body through the guard (it errors rather
 * than end short or long) and a relay that touches the idle clock on every chunk the upstream takes.
 */
export function toUpstreamExchange(forward: ForwardRequest, flight: Flight): UpstreamExchange {
  const { plan, request } = forward
  const { match } = plan
  const { expect: _met, ...headers } = plan.headers satisfies HeaderRecord
  const { trace } = forward
  trace?.forward(headers)
  return {
    route: match.route,
    url: new URL(match.upstreamUrl),
    method: request.method,
    headers,
    body: toUpload(forward, flight),
    signal: flight.abort.signal,
    connected: () => flight.timer?.connected(),
    connectTimings: trace?.connected,
    unverifiedTls: () => warnUnverifiedTls(forward.pipeline, match.route),
    viaForwardProxy: (proxy) => {
      flight.forwardProxy = proxy
    },
  }
}

/** Bytes of the upload read ahead of the upstream, so the browser's side never waits on each write. */
const READ_AHEAD = 64 * 1024

function toUpload(forward: ForwardRequest, flight: Flight): ReadableStream<Uint8Array> | null {
  const { source, plan, request } = forward
  if (source === null || plan.body.kind === 'none') {
    // A body the plan has none for (an empty peek, `Content-Length: 0`) is not read: release it.
    if (source !== null) source.cancel().catch(() => {})
    return null
  }
  const guard = createWebBodyGuard(plan.body, {
    isAborted: () => request.signal.aborted,
    onEnd: () => {
      flight.uploadEnded = true
      // The upload's last byte starts the upstream's turn to answer: a full `timeout` from there.
      flight.timer?.touch()
    },
    onError: (error) => {
      if (isProxyError(error)) flight.fail(error)
      else flight.leave()
    },
  })
  flight.upload = relayStream(source.pipeThrough(guard), {
    highWaterMark: READ_AHEAD,
    onChunk: (chunk) => {
      flight.timer?.touch()
      forward.trace?.body('request', chunk)
    },
    onError: (error) => {
      if (isProxyError(error)) flight.fail(error)
      else flight.leave()
    },
  })
  return flight.upload.stream
}
