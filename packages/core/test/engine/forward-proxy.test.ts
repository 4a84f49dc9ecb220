import { once } from 'node:events'
import type { ForwardProxy } from '@sameorigin/test-utils'
import { request, startForwardProxy, TEST_CA } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

async function forwardProxyForTest(): Promise<ForwardProxy> {
  const proxy = await startForwardProxy()
  onTestFinished(() => proxy.close())
  return proxy
}

// Targets under `.sameorigin.test` resolve nowhere (RFC 6761 reserves `.test`): only the forward
// proxy, which maps them to 127.0.0.1, can reach them. A request that arrives proves the proxy was used.
describe('HTTPS_PROXY / HTTP_PROXY / NO_PROXY', () => {
  it('tunnels https targets through HTTPS_PROXY with CONNECT, keeping the tunnel alive', async () => {
    const upstream = await upstreamForTest({ https: true })
    const forward = await forwardProxyForTest()
    const target = `https://api.sameorigin.test:${upstream.port}`
    const proxy = await startProxy(
      { routes: { '/api': { target, ca: TEST_CA } } },
      { env: { HTTPS_PROXY: forward.url } },
    )
    for (const path of ['a', 'b', 'c']) expect((await request(`${proxy.url}/api/${path}`)).status).toBe(200)
    expect(forward.connectTargets[0]).toBe(`api.sameorigin.test:${upstream.port}`)
    expect(forward.connects).toBe(1)
    expect(upstream.requests.map((r) => r.headers.host)).toEqual(
      Array(3).fill(`api.sameorigin.test:${upstream.port}`),
    )
  })

  it('sends http targets through HTTP_PROXY in absolute form', async () => {
    const upstream = await upstreamForTest()
    const forward = await forwardProxyForTest()
    const target = `http://api.sameorigin.test:${upstream.port}`
    const proxy = await startProxy({ routes: { '/api': target } }, { env: { http_proxy: forward.url } })
    expect((await request(`${proxy.url}/api/x?y=1`)).status).toBe(200)
    expect(forward.forwarded).toEqual([`${target}/api/x?y=1`])
    expect(forward.connects).toBe(0)
  })

  it('tunnels WebSockets with CONNECT', async () => {
    const upstream = await upstreamForTest({
      websocket: (socket) => socket.on('message', (m) => socket.send(m)),
    })
    const forward = await forwardProxyForTest()
    const target = `http://api.sameorigin.test:${upstream.port}`
    const proxy = await startProxy({ routes: { '/api': target } }, { env: { HTTP_PROXY: forward.url } })
    const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/api/live`)
    await once(ws, 'open')
    ws.send('ping')
    const [reply] = await once(ws, 'message')
    expect(String(reply)).toBe('ping')
    expect(forward.connects).toBe(1)
    ws.close()
  })

  it('goes direct for hosts in NO_PROXY (here: a DNS failure, since only the proxy knows the host)', async () => {
    const forward = await forwardProxyForTest()
    const proxy = await startProxy(
      { routes: { '/api': 'https://api.sameorigin.test:9' } },
      { env: { HTTPS_PROXY: forward.url, NO_PROXY: 'localhost,.sameorigin.test' } },
    )
    const res = await request(`${proxy.url}/api/x`)
    expect(res.status).toBe(502)
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('ERR_UPSTREAM_DNS_FAILED')
    expect(forward.connects).toBe(0)
  })

  it('reports an unreachable forward proxy as such, without its credentials', async () => {
    const closed = await upstreamForTest()
    await closed.close()
    const proxy = await startProxy(
      { routes: { '/api': 'https://api.sameorigin.test' } },
      { env: { HTTPS_PROXY: `http://user:secret@127.0.0.1:${closed.port}` } },
    )
    const res = await request(`${proxy.url}/api/x`)
    expect(res.status).toBe(502)
    expect(res.body).toContain('ERR_UPSTREAM_PROXY_FAILED')
    expect(res.body).not.toContain('secret')
    expect(proxy.logs.warnings()[0]).toContain(`via http://127.0.0.1:${closed.port}`)
    expect(proxy.logs.warnings()[0]).not.toContain('secret')
  })
})
