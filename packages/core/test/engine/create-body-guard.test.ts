import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { createBodyGuard } from '../../src/engine/create-body-guard.ts'
import type { RequestBody } from '../../src/rewrite/index.ts'

/** Pipes `chunks` through a guard and resolves with what came out in order, or the error's code. */
async function guarded(body: RequestBody, chunks: string[], aborted = false): Promise<string[] | string> {
  const out: string[] = []
  const guard = createBodyGuard(body, () => aborted)
  guard.on('data', (chunk: Buffer) => out.push(chunk.toString()))
  try {
    await pipeline(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), guard)
    return out
  } catch (error) {
    return (error as { code?: string }).code ?? String(error)
  }
}

describe('createBodyGuard', () => {
  it('passes a body of exactly the declared length, its last chunk only once the body ended', async () => {
    expect(await guarded({ kind: 'length', length: 10 }, ['hello', 'world'])).toEqual(['hello', 'world'])
  })

  it('holds the chunk that completes the length until the end', async () => {
    const guard = createBodyGuard({ kind: 'length', length: 5 }, () => false)
    const seen: string[] = []
    guard.on('data', (chunk: Buffer) => seen.push(chunk.toString()))
    guard.write(Buffer.from('hello'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(seen).toEqual([])
    guard.end()
    await new Promise((resolve) => guard.once('end', resolve))
    expect(seen).toEqual(['hello'])
  })

  it.each([
    ['longer than declared', ['hello', 'world!'], 10],
    ['shorter than declared', ['hello'], 10],
  ])('errors on a body %s', async (_title, chunks, length) => {
    expect(await guarded({ kind: 'length', length }, chunks)).toBe('ERR_REQUEST_FRAMING_INVALID')
  })

  it('errors instead of ending a body whose client aborted (length or stream)', async () => {
    expect(await guarded({ kind: 'length', length: 5 }, ['hello'], true)).toBe('ECONNABORTED')
    expect(await guarded({ kind: 'stream' }, ['hel', 'lo'], true)).toBe('ECONNABORTED')
  })

  it('passes a stream of unknown length as it comes', async () => {
    expect(await guarded({ kind: 'stream' }, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c'])
  })
})
