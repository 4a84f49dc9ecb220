import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'

/** 1 MiB. */
export const MIB: number = 1024 * 1024
const CHUNK = 64 * 1024

/**
 * Chunk `index` of a deterministic body: xorshift32 output seeded by the index, so each chunk differs
 * (a proxy that repeats, drops or reorders a chunk changes the hash) and nothing is kept in memory.
 */
function chunkAt(index: number, size: number): Buffer {
  const words = new Uint32Array(Math.ceil(size / 4))
  let state = ((index + 1) * 0x9e3779b1) >>> 0 || 1
  for (let word = 0; word < words.length; word++) {
    state = (state ^ (state << 13)) >>> 0
    state = (state ^ (state >>> 17)) >>> 0
    state = (state ^ (state << 5)) >>> 0
    words[word] = state
  }
  return Buffer.from(words.buffer, 0, size)
}

function* chunks(bytes: number): Generator<Buffer> {
  for (let index = 0, sent = 0; sent < bytes; index++, sent += CHUNK)
    yield chunkAt(index, Math.min(CHUNK, bytes - sent))
}

/** A stream of `bytes` deterministic bytes, produced chunk by chunk as the consumer reads. */
export function deterministicBody(bytes: number): Readable {
  return Readable.from(chunks(bytes), { objectMode: false })
}

/** The sha256 (hex) of `deterministicBody(bytes)`, computed without holding the body. */
export function deterministicSha256(bytes: number): string {
  const hash = createHash('sha256')
  for (const chunk of chunks(bytes)) hash.update(chunk)
  return hash.digest('hex')
}

/** Reads `stream` to the end and returns its length and sha256 (hex), without holding the bytes. */
export async function measure(stream: AsyncIterable<Buffer>): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of stream) {
    hash.update(chunk)
    bytes += chunk.length
  }
  return { bytes, sha256: hash.digest('hex') }
}
