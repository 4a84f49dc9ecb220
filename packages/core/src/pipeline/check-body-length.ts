import type { ProxyError } from '../errors/proxy-error.ts'
import { createError } from '../errors/proxy-error.ts'
import type { RequestBody } from '../rewrite/parse-request-body.ts'

/** What to do with one chunk of a request body (`BodyLengthCheck.add`). */
export type ChunkVerdict = 'forward' | 'hold' | ProxyError

/** The byte count of one request body against its declared framing. */
export interface BodyLengthCheck {
  /**
   * Counts a chunk of `byteLength` bytes: `'forward'` it, `'hold'` it back until the body ended
   * cleanly (it reaches the declared length, so writing it would complete the upstream request), or
   * the error of a body longer than declared.
   */
  readonly add: (byteLength: number) => ChunkVerdict
  /** The body ended: the error of a body shorter than declared, else `undefined` (send what was held). */
  readonly end: () => ProxyError | undefined
}

/**
 * The counting rule of every body guard (the node-stream one, the Web one): a `length` body must be
 * exactly its `Content-Length`, and its last chunk waits for a clean end; a `stream` body (or none)
 * is passed on as it comes. More or fewer bytes than declared: `ERR_REQUEST_FRAMING_INVALID`.
 * @example
 * const check = checkBodyLength({ kind: 'length', length: 4 })
 * check.add(2) // 'forward'
 * check.add(2) // 'hold'
 * check.end() // undefined
 */
export function checkBodyLength(body: RequestBody): BodyLengthCheck {
  const length = body.kind === 'length' ? body.length : undefined
  let seen = 0
  return {
    add: (byteLength) => {
      // An empty chunk changes nothing (and must not replace a held one).
      if (length === undefined || byteLength === 0) return 'forward'
      seen += byteLength
      if (seen > length) return mismatch(length, `more than ${length}`)
      return seen < length ? 'forward' : 'hold'
    },
    end: () => (length !== undefined && seen < length ? mismatch(length, String(seen)) : undefined),
  }
}

function mismatch(declared: number, received: string): ProxyError {
  return createError('ERR_REQUEST_FRAMING_INVALID', {
    message: `The request body had ${received} bytes, not the ${declared} its Content-Length declared.`,
    details: { declared },
  })
}
