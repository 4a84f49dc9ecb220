// Where the engine removes or sets framing fields, both ways, against a raw TCP upstream (an HTTP
// server would frame its answers correctly and hide what the engine does with a wrong one): a HEAD
// answer announcing a length it does not send, 204/304 answers carrying bytes, an answer with both
// Content-Length and Transfer-Encoding, interim 1xx before the final answer, bytes trailing a
// complete answer (response splitting), and an answer that comes before the request body was read.
// In each, the client gets a well-framed answer, and the next request gets its own.
import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import type { Socket } from 'node:net'
import { createServer } from 'node:net'
import { listen, sendRaw } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startProxy } from './_start-proxy.ts'

/** A raw upstream that answers each request head with the next of `answers` (the last repeats). */
async function scriptedUpstream(
  answers: readonly string[],
): Promise<{ url: string; connections: () => number }> {
  let served = 0
  let connections = 0
  const server = createServer((socket: Socket) => {
    connections++
    let buffered = ''
    socket.on('data', (data: Buffer) => {
      buffered += data.toString('latin1')
      while (buffered.includes('\r\n\r\n')) {
        buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4)
        socket.write(answers[Math.min(served++, answers.length - 1)] ?? '', 'latin1')
      }
    })
    socket.on('error', () => {})
  })
  const listening = await listen(server)
  onTestFinished(() => listening.close())
  return { url: listening.url, connections: () => connections }
}

/** `GET`s (or `method`s) `path` on the proxy and resolves with the status, headers and body. */
function fetchRaw(port: number, method: string, path: string): Promise<string> {
  return sendRaw(port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)
}

const OK = 'HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nnext'

describe('response framing from the upstream', () => {
  it('answers HEAD with the announced length and no body, and keeps the connection usable', async () => {
    const upstream = await scriptedUpstream(['HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n', OK])
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const head = await fetchRaw(proxy.port, 'HEAD', '/api/x')
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    expect(head.toLowerCase()).toContain('content-length: 5\r\n')
    expect(head.endsWith('\r\n\r\n')).toBe(true)
    expect(await fetchRaw(proxy.port, 'GET', '/api/y')).toMatch(/\r\n\r\nnext$/)
  })

  for (const status of ['204 No Content', '304 Not Modified']) {
    it(`drops the bytes a ${status} carries: the next request gets its own answer`, async () => {
      const smuggled = 'HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nEVIL'
      const upstream = await scriptedUpstream([
        `HTTP/1.1 ${status}\r\ncontent-length: ${smuggled.length}\r\n\r\n${smuggled}`,
        OK,
      ])
      const proxy = await startProxy({ routes: { '/api': upstream.url } })
      const first = await fetchRaw(proxy.port, 'GET', '/api/x')
      expect(first).toMatch(new RegExp(`^HTTP/1\\.1 ${status}\\r\\n`))
      expect(first).not.toContain('EVIL')
      const second = await fetchRaw(proxy.port, 'GET', '/api/y')
      expect(second).not.toContain('EVIL')
      expect(second).toMatch(/\r\n\r\nnext$/)
    })
  }

  it('refuses an answer with both Content-Length and Transfer-Encoding (502), and recovers', async () => {
    const upstream = await scriptedUpstream([
      'HTTP/1.1 200 OK\r\ncontent-length: 3\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
      OK,
    ])
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    expect(await fetchRaw(proxy.port, 'GET', '/api/x')).toMatch(/^HTTP\/1\.1 502 /)
    expect(await fetchRaw(proxy.port, 'GET', '/api/y')).toMatch(/\r\n\r\nnext$/)
  })

  it('never passes bytes trailing a complete answer to the next request (response splitting)', async () => {
    const upstream = await scriptedUpstream([
      `HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokHTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nEVIL`,
      OK,
    ])
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    expect(await fetchRaw(proxy.port, 'GET', '/api/x')).toMatch(/\r\n\r\nok$/)
    const second = await fetchRaw(proxy.port, 'GET', '/api/y')
    expect(second).not.toContain('EVIL')
  })

  it('frames the final answer after interim 1xx answers', async () => {
    const upstream = await scriptedUpstream([
      'HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n\r\n',
      OK,
    ])
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const answer = await fetchRaw(proxy.port, 'GET', '/api/x')
    expect(answer).toMatch(/^HTTP\/1\.1 103 Early Hints\r\n/)
    expect(answer).toMatch(/\r\n\r\n4\r\nbody\r\n0\r\n\r\n$/)
    expect(await fetchRaw(proxy.port, 'GET', '/api/y')).toMatch(/\r\n\r\nnext$/)
  })
})

describe('an upstream that answers before reading the request body', () => {
  it('destroys that upstream connection instead of returning it to the pool', async () => {
    // Answers at the head, before the body: a 413 the way many servers send it.
    let early: Socket | undefined
    const server = createServer((socket: Socket) => {
      early = socket
      socket.once('data', () => socket.write('HTTP/1.1 413 Payload Too Large\r\ncontent-length: 0\r\n\r\n'))
      socket.on('error', () => {})
    })
    const upstream = await listen(server)
    onTestFinished(() => upstream.close())
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const req = httpRequest(`${proxy.url}/api/upload`, {
      method: 'PUT',
      headers: { 'content-length': 1_000_000 },
      agent: false,
    })
    onTestFinished(() => {
      req.destroy()
    })
    req.write(Buffer.alloc(1000))
    const [res] = (await once(req, 'response')) as [IncomingMessage]
    expect(res.statusCode).toBe(413)
    res.resume()
    // The engine gives up the upstream connection that is owed the rest of the body.
    if (early !== undefined && !early.destroyed) await once(early, 'close')
    expect(early?.destroyed).toBe(true)
  })
})
