import type { IncomingMessage } from 'node:http'

/**
 * An upstream answer's body as a Web stream, read only as fast as it is consumed (the socket is
 * paused while the queue is full). It errors when the upstream breaks off mid-body (`ECONNRESET`),
 * never ends short; cancelling it calls `destroy` (the connection is not reused).
 * @example body: toWebBody(res, () => upstream.destroy())
 */
export function toWebBody(res: IncomingMessage, destroy: () => void): ReadableStream<Uint8Array> {
  let cancelled = false
  return new ReadableStream<Uint8Array>({
    start(controller) {
      res.pause()
      res.on('data', (chunk: Buffer) => {
        if (cancelled) return
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 0) <= 0) res.pause()
      })
      res.once('end', () => {
        if (!cancelled) controller.close()
      })
      res.once('close', () => {
        if (res.complete) return
        const cause = res.errored ?? Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
        controller.error(cause)
      })
    },
    pull() {
      res.resume()
    },
    cancel() {
      cancelled = true
      if (!res.complete) destroy()
    },
  })
}
