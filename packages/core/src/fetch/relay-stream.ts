/** Hooks of {@link relayStream}. */
export interface RelayHooks {
  /** A chunk went through (the chunk itself, for a copy: it goes on to the reader unchanged). */
  readonly onChunk?: (chunk: Uint8Array) => void
  /** The source ended; the relay closes. */
  readonly onEnd?: () => void
  /** Reading the source failed (the relay errors with the same error unless `error()` was called). */
  readonly onError?: (error: unknown) => void
  /** The reader of the relay cancelled it (the source is cancelled too). */
  readonly onCancel?: (reason: unknown) => void
  /**
   * Bytes queued ahead of the reader before the source is read no further (`ByteLengthQueuingStrategy`).
   * @default 0: one chunk per read, nothing read ahead
   */
  readonly highWaterMark?: number
}

/** A stream that passes another one on, and how far its reader is behind. */
export interface Relay {
  readonly stream: ReadableStream<Uint8Array>
  /** A read of the source is under way: the relay's reader is waiting on the source. */
  readonly reading: () => boolean
  /** The relay's queue is below its mark: it is not held back by a slow reader. */
  readonly wantsMore: () => boolean
  /** Errors the relay (its reader sees `reason`) and cancels the source. */
  readonly error: (reason: unknown) => void
}

/**
 * Passes `source` on chunk by chunk, reading it only when the reader has room (pull-based, so a slow
 * reader holds the source back), and reports each chunk, the end, a failure and a cancellation.
 * @example const { stream } = relayStream(upstream.body, { onChunk: timer.touch, highWaterMark: 65536 })
 */
export function relayStream(source: ReadableStream<Uint8Array>, hooks: RelayHooks = {}): Relay {
  const reader = source.getReader()
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined
  let settled = false
  let reading = false
  const error = (reason: unknown): void => {
    if (settled) return
    settled = true
    controller?.error(reason)
    reader.cancel(reason).catch(() => {})
  }
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c
      },
      pull: async (c) => {
        let next
        reading = true
        try {
          // An empty chunk is read past: a pull that enqueues nothing would not be called again.
          do next = await reader.read()
          while (!next.done && next.value.byteLength === 0)
        } catch (cause) {
          hooks.onError?.(cause)
          return error(cause)
        } finally {
          reading = false
        }
        if (settled) return
        if (next.done) {
          settled = true
          c.close()
          return hooks.onEnd?.()
        }
        hooks.onChunk?.(next.value)
        c.enqueue(next.value)
      },
      cancel: (reason) => {
        settled = true
        hooks.onCancel?.(reason)
        return reader.cancel(reason).catch(() => {})
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: hooks.highWaterMark ?? 0 }),
  )
  return { stream, reading: () => reading, wantsMore: () => (controller?.desiredSize ?? 1) > 0, error }
}
