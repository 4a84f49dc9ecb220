/**
 * Reads a Web body no header declares up to its first bytes: `null` when it ended before any (a
 * host hands over an empty stream for a request that came with no body at all), else a stream that
 * yields those bytes and then the rest, so nothing is lost. Rejects when the body errors first.
 * @example const source = await peekBody(request.body) // null: no body after all
 */
export async function peekBody(body: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array> | null> {
  const reader = body.getReader()
  let first = await reader.read()
  while (!first.done && first.value.byteLength === 0) first = await reader.read()
  if (first.done) return null
  let pending: Uint8Array | undefined = first.value
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pending !== undefined) {
        controller.enqueue(pending)
        pending = undefined
        return
      }
      const next = await reader.read()
      if (next.done) controller.close()
      else controller.enqueue(next.value)
    },
    cancel: (reason) => reader.cancel(reason),
  })
}
