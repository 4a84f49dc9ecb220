// The bytes of the large-body soak cases: a pseudorandom stream (AES-128-CTR over zeros with a fixed
// key), so both ends can produce or check it without ever holding it in memory, and so no compression
// or deduplication anywhere on the way could make a transfer look better than it is.
import { createCipheriv } from 'node:crypto'
import { Readable } from 'node:stream'

const CHUNK = 64 * 1024
const ZEROS = Buffer.alloc(CHUNK)

/**
 * A readable stream of exactly `length` deterministic bytes; the same `seed` gives the same bytes.
 * @param {number} length
 * @param {number} [seed]
 * @returns {Readable}
 */
export function deterministicBytes(length, seed = 1) {
  const key = Buffer.alloc(16, seed)
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  let left = length
  return new Readable({
    highWaterMark: CHUNK,
    read() {
      if (left === 0) {
        this.push(null)
        return
      }
      const size = Math.min(CHUNK, left)
      left -= size
      this.push(cipher.update(size === CHUNK ? ZEROS : ZEROS.subarray(0, size)))
    },
  })
}
