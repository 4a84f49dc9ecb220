// Open proxy / host confusion. A dev server that forwards by what the client names (the host in an
// absolute-form request line, a CONNECT authority, the Host header) becomes a proxy into the
// developer's network for any page or LAN peer that can reach it (CWE-441, "confused deputy").
// The engine only ever connects to the configured target: the request selects a route, never a host.
import { createServer, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { listen, request, sendRaw } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

describe('open proxy', () => {
  it('sends an absolute-form request to the configured target, not the host it names', async () => {
    const upstream = await upstreamForTest()
    const other = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const raw = await sendRaw(
      proxy.port,
      `GET http://127.0.0.1:${other.port}/api/x HTTP/1.1\r\nHost: 127.0.0.1:${other.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(raw).toMatch(/^HTTP\/1\.1 200/)
    expect(upstream.requests.map((r) => r.path)).toEqual(['/api/x'])
    expect(other.connections).toBe(0)
  })

  it('never lets a client-sent Host choose the target', async () => {
    const upstream = await upstreamForTest()
    const other = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/api/x`, { headers: { host: `127.0.0.1:${other.port}` } })
    expect(res.status).toBe(200)
    expect(upstream.requests).toHaveLength(1)
    expect(upstream.requests[0]?.headers.host).toBe(`127.0.0.1:${upstream.port}`)
    expect(other.connections).toBe(0)
  })

  it('hands CONNECT back to the host, even when the host routes it into the middleware', async () => {
    const upstream = await upstreamForTest()
    const other = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/': upstream.url } })
    // Node emits CONNECT on the server's `connect` event; a host that fed it to its middleware stack:
    const host = createServer()
    let handedBack = false
    host.on('connect', (req, socket) => {
      const res = new ServerResponse(req)
      res.assignSocket(socket as Socket)
      proxy.engine.middleware(req, res, () => {
        handedBack = true
        socket.end('HTTP/1.1 405 Method Not Allowed\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
      })
    })
    const listening = await listen(host)
    try {
      const raw = await sendRaw(
        listening.port,
        `CONNECT 127.0.0.1:${other.port} HTTP/1.1\r\nHost: 127.0.0.1:${other.port}\r\n\r\n`,
      )
      expect(raw).toMatch(/^HTTP\/1\.1 405/)
      expect(handedBack).toBe(true)
    } finally {
      await listening.close()
    }
    expect(upstream.connections).toBe(0)
    expect(other.connections).toBe(0)
  })

  it('answers 400 to a Host it cannot use as the dev origin, and forwards nothing', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const raw = await sendRaw(
      proxy.port,
      'GET /api/x HTTP/1.1\r\nHost: user@evil.example\r\nConnection: close\r\n\r\n',
    )
    expect(raw).toMatch(/^HTTP\/1\.1 400/)
    expect(raw).toContain('ERR_REQUEST_HOST_INVALID')
    expect(raw).not.toContain('evil.example')
    expect(upstream.requests).toHaveLength(0)
  })
})
