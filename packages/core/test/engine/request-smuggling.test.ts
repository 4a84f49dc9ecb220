// Request smuggling (CWE-444). When two parties in a chain disagree on where a message ends (both
// `Content-Length` and `Transfer-Encoding`, or a `Transfer-Encoding` one of them ignores), the bytes
// one of them treats as body become a second request for the other: a request the browser never
// sent, or a response delivered to the wrong request. See PortSwigger's "HTTP request smuggling".
// The engine relies on Node's strict parsers on both sides, and never forwards both framings.
import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { sendRaw } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

describe('request smuggling', () => {
  it('refuses a request with both Content-Length and Transfer-Encoding; nothing reaches the upstream', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const raw = await sendRaw(
      proxy.port,
      'POST /api/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n' +
        '0\r\n\r\nGET /api/smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n',
    )
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(upstream.requests).toHaveLength(0)
  })

  it('forwards a chunked upload with one framing only', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const raw = await sendRaw(
      proxy.port,
      'POST /api/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n' +
        '5\r\nhello\r\n0\r\n\r\n',
    )
    expect(raw).toMatch(/^HTTP\/1\.1 200/)
    expect(upstream.requests).toHaveLength(1)
    const seen = upstream.requests[0]
    expect(seen?.body).toBe('hello')
    expect(
      seen?.headers['content-length'] === undefined || seen.headers['transfer-encoding'] === undefined,
    ).toBe(true)
  })

  it('never passes an upstream answer with both framings on to the browser', async () => {
    const sockets = new Set<Socket>()
    const server = createServer((socket) => {
      sockets.add(socket)
      socket.once('data', () =>
        socket.end(
          'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n',
        ),
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    })
    const port = (server.address() as { port: number }).port
    const proxy = await startProxy({ routes: { '/api': `http://127.0.0.1:${port}` } })
    const raw = await sendRaw(
      proxy.port,
      'GET /api/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    )
    // Node's strict client parser refuses the answer (HPE_UNEXPECTED_CONTENT_LENGTH): a 502 instead.
    expect(raw).toMatch(/^HTTP\/1\.1 502 /)
    expect(raw).toContain('ERR_UPSTREAM_RESPONSE_INVALID')
    expect(raw).not.toContain('hello')
  })
})
