import { request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

/** Resolves with the next chunk `res` emits. */
function nextChunk(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    res.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')))
    res.once('error', reject)
  })
}

/** Starts a GET through node:http and resolves with the response head (the body still streaming). */
function open(url: string, headers: Record<string, string> = {}) {
  const req = httpRequest(url, { headers, agent: false })
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', resolve)
    req.on('error', reject)
  })
  req.end()
  return { req, response }
}

describe('streaming', () => {
  it('delivers server-sent events one by one: the first arrives before the upstream sends the second', async () => {
    let releaseSecond!: () => void
    const secondMayGo = new Promise<void>((resolve) => (releaseSecond = resolve))
    const sent: string[] = []
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        res.write('data: one\n\n')
        sent.push('one')
        void secondMayGo.then(() => {
          sent.push('two')
          res.end('data: two\n\n')
        })
      },
    })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const { response } = open(`${proxy.url}/api/events`, {
      accept: 'text/event-stream',
      'accept-encoding': 'gzip',
    })
    const res = await response
    expect(res.headers['content-type']).toBe('text/event-stream')
    // The engine never compresses, whatever the browser accepts.
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(await nextChunk(res)).toBe('data: one\n\n')
    expect(sent).toEqual(['one'])
    releaseSecond()
    expect(await nextChunk(res)).toBe('data: two\n\n')
    expect(sent).toEqual(['one', 'two'])
  })

  it('streams the request body: the upstream reads the first chunk before the client sends the second', async () => {
    let firstArrived!: (chunk: string) => void
    const arrived = new Promise<string>((resolve) => (firstArrived = resolve))
    const upstream = await upstreamForTest({
      handle: (req, res) => {
        const chunks: string[] = []
        req.on('data', (chunk: Buffer) => {
          chunks.push(chunk.toString('utf8'))
          if (chunks.length === 1) firstArrived(chunks[0] ?? '')
        })
        req.on('end', () => res.end(chunks.join('|')))
      },
    })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const req = httpRequest(`${proxy.url}/api/upload`, { method: 'POST', agent: false })
    const response = new Promise<IncomingMessage>((resolve) => req.on('response', resolve))
    req.write('first')
    expect(await arrived).toBe('first')
    req.end('second')
    const res = await response
    let body = ''
    for await (const chunk of res) body += String(chunk)
    expect(body).toBe('first|second')
  })

  it('aborts the upstream request when the client disconnects (the upstream sees close within 1 s)', async () => {
    let upstreamClosed!: () => void
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve))
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write('data: hello\n\n')
        res.once('close', upstreamClosed)
      },
    })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const { req, response } = open(`${proxy.url}/api/stream`)
    const res = await response
    await nextChunk(res)
    req.destroy()
    const outcome = await Promise.race([
      closed.then(() => 'closed'),
      new Promise((resolve) => setTimeout(resolve, 1000, 'still open')),
    ])
    expect(outcome).toBe('closed')
    expect(upstream.requests[0]?.aborted).toBe(true)
    // A browser leaving is routine, not a warning.
    expect(proxy.logs.warnings()).toEqual([])
  })
})
