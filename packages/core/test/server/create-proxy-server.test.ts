import { once } from 'node:events'
import { request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { createProxyServer } from '../../src/server/create-proxy-server.ts'
import { listen } from '../../src/server/listen.ts'
import { eventually } from '../engine/_start-proxy.ts'

async function upstreamForTest(options?: Parameters<typeof startUpstream>[0]) {
  const upstream = await startUpstream(options)
  onTestFinished(() => upstream.close())
  return upstream
}

describe('createProxyServer + listen', () => {
  it('listens on 127.0.0.1 by default and proxies matched requests', async () => {
    const upstream = await upstreamForTest()
    const server = createProxyServer(resolveConfig({ routes: { '/api': upstream.url } }, { env: {} }), {
      logger: { info() {}, warn() {}, error() {} },
    })
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    expect(listening.host).toBe('127.0.0.1')
    expect(listening.url).toBe(`http://127.0.0.1:${listening.port}`)
    const res = await request(`${listening.url}/api/ping`)
    expect(res.status).toBe(200)
    expect(upstream.requests[0]?.path).toBe('/api/ping')
  })

  it('answers unmatched requests 404, or with the fallback', async () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:1' } }, { env: {} })
    const plain = await listen(createProxyServer(resolved))
    onTestFinished(() => plain.close())
    const missing = await request(`${plain.url}/index.html`)
    expect(missing.status).toBe(404)
    expect(missing.body).toBe('Not found: no sameorigin route matches this path.\n')
    const withFallback = await listen(
      createProxyServer(resolved, { fallback: (_req, res) => res.end('app') }),
    )
    onTestFinished(() => withFallback.close())
    expect((await request(`${withFallback.url}/index.html`)).body).toBe('app')
  })

  it('proxies WebSockets and refuses other upgrades', async () => {
    const upstream = await upstreamForTest({
      websocket: (socket) => socket.on('message', (m) => socket.send(m)),
    })
    const server = createProxyServer(resolveConfig({ routes: { '/live': upstream.url } }, { env: {} }))
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    const ws = new WebSocket(`${listening.url.replace('http', 'ws')}/live`)
    await once(ws, 'open')
    ws.send('hello')
    expect(String((await once(ws, 'message'))[0])).toBe('hello')
    const stray = new WebSocket(`${listening.url.replace('http', 'ws')}/other`)
    const [error] = (await once(stray, 'error')) as [Error]
    expect(error.message).toMatch(/socket hang up|closed|ECONNRESET/)
    ws.close()
  })

  it('closes open WebSockets and upstream sockets on close()', async () => {
    const upstream = await upstreamForTest({ websocket: () => {} })
    const listening = await listen(
      createProxyServer(resolveConfig({ routes: { '/': upstream.url } }, { env: {} })),
    )
    await request(`${listening.url}/keep-alive`)
    const ws = new WebSocket(`${listening.url.replace('http', 'ws')}/live`)
    await once(ws, 'open')
    const closed = once(ws, 'close')
    await listening.close()
    const [code] = await closed
    expect(code).toBe(1006)
    await eventually(() => upstream.openConnections === 0)
    expect(upstream.openConnections).toBe(0)
  })

  it('rejects with the listen error', async () => {
    const first = await listen(createProxyServer(resolveConfig({}, { env: {} })))
    onTestFinished(() => first.close())
    await expect(
      listen(createProxyServer(resolveConfig({}, { env: {} })), { port: first.port }),
    ).rejects.toThrow(/EADDRINUSE/)
  })
})
