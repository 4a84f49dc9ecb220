// 1 GiB each way through core's stand-alone server, byte for byte. A development proxy carries
// uploads of database dumps, videos and build artefacts; one that buffers a body, or lets a fast
// sender outrun a slow receiver without backpressure, grows by the size of the body and dies on the
// biggest one. The bytes are a deterministic pseudorandom stream generated while sending and hashed
// (SHA-256) while receiving, on both ends, never held in memory; the proxy runs in its own process,
// and its resident memory, read from /proc every 250 ms, may grow by less than 64 MiB over its
// reading before the transfer. Speed is reported, never asserted.
import { createHash } from 'node:crypto'
import type { ClientRequest, IncomingMessage } from 'node:http'
import { request } from 'node:http'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deterministicBytes } from './src/deterministic-bytes.mjs'
import { readSample, sampleProcess } from './src/sample-process.ts'
import { recordReliabilityRow } from '@sameorigin/test-utils'
import { toMiB } from './src/to-mib.ts'
import type { Child } from './src/start-child.ts'
import { startChild } from './src/start-child.ts'

const GIB = 2 ** 30
const LIMIT_MIB = 64

/** The SHA-256 and length of a body. */
interface Digest {
  readonly sha256: string
  readonly bytes: number
}

/** SHA-256 and length of everything `stream` yields, read as it flows. */
async function digest(stream: NodeJS.ReadableStream): Promise<Digest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of stream) {
    const buffer = chunk as Buffer
    bytes += buffer.length
    hash.update(buffer)
  }
  return { sha256: hash.digest('hex'), bytes }
}

/** A pass-through that hashes what flows through it. */
function hashing(): { stream: Transform; result: () => Digest } {
  const hash = createHash('sha256')
  let bytes = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length
      hash.update(chunk)
      callback(null, chunk)
    },
  })
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes }) }
}

/** Sends `method path` to the proxy, letting `write` stream the body; resolves with the response head. */
function send(
  port: number,
  method: string,
  path: string,
  write?: (req: ClientRequest) => Promise<void>,
  length?: number,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers:
          length === undefined
            ? {}
            : { 'content-length': length, 'content-type': 'application/octet-stream' },
      },
      resolve,
    )
    req.on('error', reject)
    if (write === undefined) req.end()
    else write(req).catch(reject)
  })
}

/** The JSON body of a 200 answer; any other status is an error carrying the body. */
async function readJson<T>(res: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = []
  for await (const chunk of res) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (res.statusCode !== 200) throw new Error(`answered ${res.statusCode}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

describe('large bodies (core-server)', () => {
  let upstream: Child | undefined
  let proxy: Child | undefined
  beforeAll(async () => {
    upstream = await startChild('upstream-process.mjs')
    proxy = await startChild('proxy-process.mjs', [`http://127.0.0.1:${upstream.port}`])
    // One small exchange first, so the baseline reading has the engine's code loaded.
    const warm = await send(proxy.port, 'GET', '/api/ping')
    await digest(warm)
  })
  afterAll(async () => {
    await proxy?.close()
    await upstream?.close()
  })

  /** Runs `transfer` while sampling the proxy, records the row, and answers what to assert. */
  async function measure(
    name: string,
    transfer: () => Promise<{ expected: Digest; received: Digest }>,
  ): Promise<{ expected: Digest; received: Digest; growthMiB: number }> {
    const subject = proxy as Child
    const baseline = readSample(subject.pid)
    const sampler = sampleProcess(subject.pid, 250)
    const started = Date.now()
    let outcome: { expected: Digest; received: Digest }
    try {
      outcome = await transfer()
    } catch (error) {
      // A transfer that breaks is a result too: recorded, then the test fails with it.
      recordReliabilityRow('soak', {
        host: 'core-server',
        case: name,
        expected: `1 GiB, SHA-256 equal on both ends; proxy RSS growth < ${LIMIT_MIB} MiB`,
        observed: `transfer failed: ${String(error)}`,
        pass: false,
      })
      throw error
    } finally {
      sampler.stop()
    }
    const { expected, received } = outcome
    const seconds = (Date.now() - started) / 1000
    const peak = Math.max(...sampler.samples.map((sample) => sample.rssBytes))
    const growth = peak - baseline.rssBytes
    const exact = received.bytes === expected.bytes && received.sha256 === expected.sha256
    recordReliabilityRow('soak', {
      host: 'core-server',
      case: name,
      expected: `1 GiB, SHA-256 equal on both ends; proxy RSS growth < ${LIMIT_MIB} MiB`,
      observed:
        `${received.bytes === GIB ? '1 GiB' : `${received.bytes} bytes`}, SHA-256 ${exact ? 'equal' : 'DIFFERENT'}; ` +
        `RSS ${toMiB(baseline.rssBytes)} → peak ${toMiB(peak)} MiB (+${toMiB(growth)} MiB)`,
      pass: exact && growth < LIMIT_MIB * 2 ** 20,
      figures: {
        bytes: received.bytes,
        sha256: received.sha256.slice(0, 16),
        rssBaselineMiB: toMiB(baseline.rssBytes),
        rssPeakMiB: toMiB(peak),
        rssGrowthMiB: toMiB(growth),
        seconds: Math.round(seconds * 10) / 10,
        mibPerSecond: Math.round(GIB / 2 ** 20 / seconds),
        readings: sampler.samples.length,
      },
    })
    return { expected, received, growthMiB: toMiB(growth) }
  }

  it('uploads 1 GiB byte for byte, the proxy growing by less than 64 MiB', async () => {
    const run = await measure('upload: 1 GiB through the proxy', async () => {
      const sent = hashing()
      const res = await send(
        (proxy as Child).port,
        'POST',
        '/api/upload',
        (req) => pipeline(deterministicBytes(GIB), sent.stream, req),
        GIB,
      )
      // The upstream answers once it has read and hashed the whole body.
      const received = await readJson<Digest>(res)
      return { expected: sent.result(), received }
    })
    expect(run.received).toEqual(run.expected)
    expect(run.growthMiB).toBeLessThan(LIMIT_MIB)
  })

  it('downloads 1 GiB byte for byte, the proxy growing by less than 64 MiB', async () => {
    // What the upstream will send, hashed before the measured transfer.
    const expected = await digest(deterministicBytes(GIB))
    const run = await measure('download: 1 GiB through the proxy', async () => {
      const res = await send((proxy as Child).port, 'GET', `/api/download?bytes=${GIB}`)
      if (res.statusCode !== 200) throw new Error(`answered ${res.statusCode}`)
      return { expected, received: await digest(res) }
    })
    expect(run.received).toEqual(run.expected)
    expect(run.growthMiB).toBeLessThan(LIMIT_MIB)
  })
})
