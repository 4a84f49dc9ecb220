import type { ClientRequest } from 'node:http'

/**
 * Writes a Web body into the upstream request with backpressure (a write waits for `drain`), ending
 * it once the body ended; a body that errors destroys the request, so the upstream never sees a
 * complete request that the browser did not finish. `null`: the request is ended at once.
 * @example toNodeBody(exchange.body, upstream)
 */
export function toNodeBody(body: ReadableStream<Uint8Array> | null, upstream: ClientRequest): void {
  if (body === null) return void upstream.end()
  const reader = body.getReader()
  upstream.once('close', () => void reader.cancel().catch(() => {}))
  const pump = async (): Promise<void> => {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return void upstream.end()
      if (upstream.destroyed) return
      if (!upstream.write(value)) {
        await new Promise<void>((resolve) => {
          const go = (): void => {
            upstream.off('drain', go)
            upstream.off('close', go)
            resolve()
          }
          upstream.on('drain', go)
          upstream.on('close', go)
        })
      }
    }
  }
  pump().catch((error: unknown) => {
    upstream.destroy(error instanceof Error ? error : new Error(String(error)))
  })
}
