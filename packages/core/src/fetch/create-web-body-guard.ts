import { checkBodyLength } from '../pipeline/check-body-length.ts'
import type { RequestBody } from '../rewrite/parse-request-body.ts'

/** Options of {@link createWebBodyGuard}. */
export interface WebBodyGuardOptions {
  /** The browser left: a body that ends now did not end cleanly. */
  readonly isAborted: () => boolean
  /** Every chunk that passes (the upload is alive): restarts the idle clock. */
  readonly onChunk?: () => void
  /** The body ended cleanly (all of it went on). */
  readonly onEnd?: () => void
  /** The guard errors the body with `error` (before the upstream sees the error). */
  readonly onError?: (error: Error) => void
}

/**
 * The Web-stream body guard, the same rule as the node-stream one (`checkBodyLength`): the chunk that
 * reaches the declared length waits until the body ended cleanly; more or fewer bytes than declared
 * error the stream with `ERR_REQUEST_FRAMING_INVALID`; a body that ends after the browser left
 * errors it with `ECONNABORTED`, so the upstream request is never completed by a cut-off body.
 * @example request.body.pipeThrough(createWebBodyGuard(plan.body, { isAborted: () => signal.aborted }))
 */
export function createWebBodyGuard(
  body: RequestBody,
  options: WebBodyGuardOptions,
): TransformStream<Uint8Array, Uint8Array> {
  const check = checkBodyLength(body)
  let held: Uint8Array | undefined
  const fail = (controller: TransformStreamDefaultController<Uint8Array>, error: Error): void => {
    options.onError?.(error)
    controller.error(error)
  }
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      options.onChunk?.()
      const verdict = check.add(chunk.byteLength)
      if (verdict === 'forward') controller.enqueue(chunk)
      else if (verdict === 'hold') held = chunk
      else fail(controller, verdict)
    },
    flush(controller) {
      if (options.isAborted()) {
        return fail(controller, Object.assign(new Error('aborted'), { code: 'ECONNABORTED' }))
      }
      const short = check.end()
      if (short !== undefined) return fail(controller, short)
      if (held !== undefined) controller.enqueue(held)
      options.onEnd?.()
    },
  })
}
