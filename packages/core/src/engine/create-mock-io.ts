import { promisify } from 'node:util'
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib'
import type { MockFiles, MockIO } from '../pipeline/mock/types.ts'
import type { MockHandler } from '../types.ts'
import { createMockFiles } from './create-mock-files.ts'

type Decoder = (input: Uint8Array, options: { maxOutputLength: number }) => Promise<Buffer>

const DECODERS: Readonly<Record<string, Decoder>> = {
  gzip: promisify(gunzip) as Decoder,
  'x-gzip': promisify(gunzip) as Decoder,
  br: promisify(brotliDecompress) as Decoder,
  deflate: promisify(inflate) as Decoder,
}
const inflateRawAsync = promisify(inflateRaw) as Decoder

/**
 * The Node side of mocks: mock folders on disk (`createMockFiles`, one per folder), handler modules
 * loaded with jiti like the config file (no cache, so a reloaded config loads an edited handler),
 * and zlib to decode a recorded body.
 */
export function createMockIO(): MockIO {
  const folders = new Map<string, MockFiles>()
  return {
    files: (dir) => {
      let files = folders.get(dir)
      if (files === undefined) folders.set(dir, (files = createMockFiles(dir)))
      return files
    },
    loadHandler,
    decode,
  }
}

async function loadHandler(file: string): Promise<MockHandler> {
  const { createJiti } = await import('jiti')
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false })
  const mod = await jiti.import<Record<string, unknown>>(file)
  const handler = 'default' in mod ? mod.default : undefined
  if (typeof handler !== 'function')
    throw new Error(`it has no default export function (export default (request) => Response | undefined)`)
  return handler as MockHandler
}

/** Decodes each coding in reverse order of application (`gzip, br`: br first), capped at `limit`. */
async function decode(body: Uint8Array, encoding: string, limit: number): Promise<Uint8Array | undefined> {
  let bytes = body
  const codings = encoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
  for (const coding of codings.toReversed()) {
    const decoder = DECODERS[coding]
    if (decoder === undefined) return undefined
    try {
      bytes = await decoder(bytes, { maxOutputLength: limit })
    } catch {
      // Some servers send raw deflate for `deflate` (RFC 9110 says zlib-wrapped); browsers accept both.
      if (coding !== 'deflate') return undefined
      const raw = await inflateRawAsync(bytes, { maxOutputLength: limit }).catch(() => undefined)
      if (raw === undefined) return undefined
      bytes = raw
    }
  }
  return bytes
}
