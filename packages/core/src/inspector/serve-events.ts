import type { ExchangeEvent, ExchangeLog } from '../inspect/index.ts'
import { maskExchange } from '../inspect/index.ts'
import { toSummary } from './to-summary.ts'

/** Options of {@link serveEvents}. */
export interface ServeEventsOptions {
  readonly showSecrets: boolean
  /** Between two heartbeat comments, in ms. @default 15000 */
  readonly heartbeatMs?: number
  /** Aborted when the client goes (the request's signal). */
  readonly signal?: AbortSignal
}

/**
 * A `text/event-stream` of `log`'s events from now on, one SSE event each (`event: start|update|end`
 * with a record's summary as `data`, `evict` with `{ id }`, `clear`), masked unless `showSecrets`.
 * A `: heartbeat` comment every 15 s keeps an idle stream open through proxies and browsers. The
 * subscription ends when the client goes: the stream's cancel, the request's signal, or a failed write.
 */
export function serveEvents(log: ExchangeLog, options: ServeEventsOptions): Response {
  const encoder = new TextEncoder()
  let stop: () => void = ignore
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string): void => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          stop()
        }
      }
      const unsubscribe = log.subscribe((event) => send(toMessage(event, options.showSecrets)))
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), options.heartbeatMs ?? 15_000)
      const onAbort = (): void => {
        stop()
        try {
          controller.close()
        } catch {
          // Already closed or cancelled.
        }
      }
      stop = () => {
        unsubscribe()
        clearInterval(heartbeat)
        options.signal?.removeEventListener('abort', onAbort)
      }
      options.signal?.addEventListener('abort', onAbort)
      // The first bytes open the stream in the browser at once (EventSource's `open`).
      send(': connected\n\n')
      if (options.signal?.aborted === true) onAbort()
    },
    cancel() {
      stop()
    },
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: compression middleware (compression, webpack-dev-server's) would buffer the stream.
      'cache-control': 'no-store, no-transform',
      'x-content-type-options': 'nosniff',
    },
  })
}

function toMessage(event: ExchangeEvent, showSecrets: boolean): string {
  if (event.type === 'clear') return 'event: clear\ndata: {}\n\n'
  if (event.type === 'evict') return `event: evict\ndata: ${JSON.stringify({ id: event.id })}\n\n`
  const record = showSecrets ? event.record : maskExchange(event.record)
  return `event: ${event.type}\ndata: ${JSON.stringify(toSummary(record))}\n\n`
}

function ignore(): void {}
