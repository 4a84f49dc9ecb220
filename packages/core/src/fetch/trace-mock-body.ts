import type { ExchangeFailure } from '../inspect/types.ts'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'

/**
 * A mock's body as it goes to the browser, recorded by `trace`: a whole one at once, a handler's
 * stream chunk by chunk; the exchange ends with the body (by `failure`, when the mock stood in for
 * a backend that failed).
 */
export function traceMockBody(
  body: Uint8Array | ReadableStream<Uint8Array> | null,
  trace: ExchangeTrace,
  failure: ExchangeFailure | undefined,
): Uint8Array | ReadableStream<Uint8Array> | null {
  if (!(body instanceof ReadableStream)) {
    if (body !== null) trace.body('response', body)
    trace.end(failure)
    return body
  }
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        trace.body('response', chunk)
        controller.enqueue(chunk)
      },
      flush: () => trace.end(failure),
    }),
  )
}
