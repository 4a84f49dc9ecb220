import { Transform } from 'node:stream'
import { createError } from '../errors/proxy-error.ts'
import type { RequestBody } from '../rewrite/parse-request-body.ts'

/**
 * A pass-through for a request body that the transport does not delimit for us: HTTP/2, where
 * `content-length` is only advice and an aborted stream still emits `end`, or a Web `Request` body.
 * The upstream request is complete the moment its last byte (`length`) or its last chunk (`stream`)
 * is written, so the guard makes sure neither happens for a body the client did not finish sending:
 * - `length`: the chunk that reaches the declared length is held back until the body ended; a body
 *   that goes on past it or ends short errors the guard with `ERR_REQUEST_FRAMING_INVALID`;
 * - both: a body that ends after `isAborted()` turned true errors the guard instead of ending it (the
 *   error is a plain `Error` with `code: 'ECONNABORTED'`: the client left, nothing failed upstream).
 * The caller destroys the upstream request on the guard's error.
 */
export function createBodyGuard(body: RequestBody, isAborted: () => boolean): Transform {
  const length = body.kind === 'length' ? body.length : undefined
  let seen = 0
  let held: Buffer | undefined
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (length === undefined) return callback(null, chunk)
      seen += chunk.length
      if (seen > length) return callback(mismatch(length, `more than ${length}`))
      if (seen < length) return callback(null, chunk)
      held = chunk
      callback()
    },
    flush(callback) {
      if (isAborted()) return callback(Object.assign(new Error('aborted'), { code: 'ECONNABORTED' }))
      if (length !== undefined && seen < length) return callback(mismatch(length, String(seen)))
      callback(null, held)
    },
  })
}

function mismatch(declared: number, received: string): Error {
  return createError('ERR_REQUEST_FRAMING_INVALID', {
    message: `The request body had ${received} bytes, not the ${declared} its Content-Length declared.`,
    details: { declared },
  })
}
