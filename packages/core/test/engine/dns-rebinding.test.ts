// DNS rebinding. A page on an attacker's domain (evil.example) whose DNS answer switches to 127.0.0.1
// is same-origin with the dev server as far as the browser knows: it can send requests to it and
// read the answers, which the proxy fetched from the backend (with whatever headers the route adds).
// Browsers still send the attacker's name in Host, so the engine answers only for localhost,
// *.localhost, IP addresses and the hosts the dev server is configured for (Vite's allowedHosts),
// with the same host-validation-middleware Vite uses. See GHSA-vg6x-rcgg-rjx6 (Vite) and
// CVE-2018-14732 (webpack-dev-server).
import { request, sendRaw } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

describe('DNS rebinding', () => {
  it('refuses a request naming another host with 403, and nothing reaches the upstream', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/api/me`, {
      headers: { host: `evil.example:${proxy.port}`, accept: 'application/json' },
    })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'ERR_REQUEST_HOST_NOT_ALLOWED',
      message: 'This dev server does not answer for the host evil.example (DNS rebinding protection).',
      route: '/api',
    })
    expect(upstream.connections).toBe(0)
    expect(proxy.logs.warnings().join('\n')).toContain('ERR_REQUEST_HOST_NOT_ALLOWED')
  })

  it.each([
    ['localhost', []],
    ['app.localhost', []],
    ['127.0.0.1', []],
    ['[::1]', []],
    ['api.example.test', ['.example.test']],
    ['example.test', ['.example.test']],
    ['devbox', ['devbox']],
  ])('answers for %s with allowedHosts %j', async (hostname, allowedHosts) => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } }, { allowedHosts })
    const res = await request(`${proxy.url}/api/me`, { headers: { host: `${hostname}:${proxy.port}` } })
    expect(res.status).toBe(200)
    expect(upstream.requests).toHaveLength(1)
  })

  it('answers for any host with allowedHosts: true', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } }, { allowedHosts: true })
    const res = await request(`${proxy.url}/api/me`, { headers: { host: 'evil.example' } })
    expect(res.status).toBe(200)
  })

  it('refuses a WebSocket upgrade naming another host before connecting upstream', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, ws: true } } })
    const raw = await sendRaw(
      proxy.port,
      'GET /api/ws HTTP/1.1\r\nHost: evil.example\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    )
    expect(raw).toMatch(/^HTTP\/1\.1 403/)
    expect(upstream.connections).toBe(0)
  })

  it('leaves requests no route matches to the host, whatever their Host', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/index.html`, { headers: { host: 'evil.example' } })
    expect(res.status).toBe(200)
    expect(proxy.hostRequests).toHaveLength(1)
  })
})
