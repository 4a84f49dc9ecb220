import { Transform } from 'node:stream'
import { checkBodyLength } from '../pipeline/check-body-length.ts'
import type { RequestBody } from '../rewrite/parse-request-body.ts'

/**
 * A pass-through for a request body that the transport does not delimit for us: HTTP/2, where
 * `content-length` is only advice and an aborted stream still emits `end`, or a Web `Request` body.
 * The upstream request is complete the moment its last byte (`length`) or its last chunk (`stream`)
 * is written, so the guard makes sure neither happens for a body the client did not finish sending:
 * - `length`: the chunk that reaches the declared length is held back until the body ended; a body
 *   that goes on past it or ends short errors the guard with `ERR_REQUEST_FRAMING_INVALID`
 *   (`checkBodyLength`, the rule the Fetch transport's Web guard shares);
 * - both: a body that ends after `isAborted()` turned true errors the guard instead of ending it (the
 *   error is a plain `Error` with `code: 'ECONNABORTED'`: the client left, nothing failed upstream).
 * The caller destroys the upstream request on the guard's error.
 */
export function createBodyGuard(body: RequestBody, isAborted: () => boolean): Transform {
  const check = checkBodyLength(body)
  let held: Buffer | undefined
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const verdict = check.add(chunk.length)
      if (verdict === 'forward') return callback(null, chunk)
      if (verdict !== 'hold') return callback(verdict)
      held = chunk
      callback()
    },
    flush(callback) {
      if (isAborted()) return callback(Object.assign(new Error('aborted'), { code: 'ECONNABORTED' }))
      const short = check.end()
      if (short !== undefined) return callback(short)
      callback(null, held)
    },
  })
}
