import { Agent, createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { listen, request } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { createProxy } from '../../src/engine/create-proxy.ts'
import { captureLogs, eventually, startProxy, upstreamForTest } from './_start-proxy.ts'

describe('middleware', () => {
  it('hands unmatched requests to next() untouched, and nothing reaches the upstream', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/apix/page?q=1`, { headers: { 'x-custom': 'kept' } })
    expect(res.status).toBe(200)
    expect(res.headers['x-host']).toBe('1')
    expect(res.body).toBe(`host /apix/page?q=1 127.0.0.1:${proxy.port}`)
    expect(proxy.hostRequests[0]?.headers['x-custom']).toBe('kept')
    expect(upstream.requests).toHaveLength(0)
  })

  it('is a named function, so it shows up in DEBUG=connect:*', async () => {
    const proxy = await startProxy({ routes: { '/api': 'http://127.0.0.1:1' } })
    expect(proxy.engine.middleware.name).toBe('sameoriginProxyMiddleware')
  })

  it('forwards method, path, query and body to the upstream URL the core computed', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': `${upstream.url}/v1` } })
    const res = await request(`${proxy.url}/api/users?page=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"ada"}',
    })
    expect(res.status).toBe(200)
    const echoed = JSON.parse(res.body) as { method: string; path: string; body: string }
    expect(echoed).toMatchObject({ method: 'POST', path: '/v1/users?page=2', body: '{"name":"ada"}' })
  })

  it('keeps the client connection alive (no Connection: close), unlike Vite and webpack-dev-server 5', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    onTestFinished(() => agent.destroy())
    const sockets = new Set<unknown>()
    for (let i = 0; i < 3; i++) {
      const res = await request(`${proxy.url}/api/${i}`, { agent })
      expect(res.status).toBe(200)
      expect(res.headers.connection).not.toBe('close')
    }
    for (const list of Object.values(agent.freeSockets)) for (const socket of list ?? []) sockets.add(socket)
    expect(sockets.size).toBe(1)
  })

  it('sets Host to the target, replaces client X-Forwarded-*, drops hop-by-hop headers', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({
      routes: { '/api': { target: upstream.url, headers: { 'x-route': 'on' } } },
    })
    await request(`${proxy.url}/api/x`, {
      headers: {
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': 'evil.example',
        connection: 'keep-alive, x-hop',
        'x-hop': 'secret',
        'keep-alive': 'timeout=5',
      },
    })
    const seen = upstream.requests[0]?.headers
    expect(seen?.host).toBe(`127.0.0.1:${upstream.port}`)
    expect(seen?.['x-forwarded-for']).toBe('127.0.0.1')
    expect(seen?.['x-forwarded-host']).toBe(`127.0.0.1:${proxy.port}`)
    expect(seen?.['x-forwarded-proto']).toBe('http')
    expect(seen?.['x-forwarded-port']).toBe(String(proxy.port))
    expect(seen?.['x-route']).toBe('on')
    expect(seen?.['x-hop']).toBeUndefined()
    expect(seen?.['keep-alive']).toBeUndefined()
  })

  it('rewrites the response head through the core: Set-Cookie, Location, hop-by-hop', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(302, {
          location: `http://127.0.0.1:${upstream.port}/v1/login`,
          'set-cookie': ['sid=1; Domain=staging.example.com; Path=/v1; Secure; SameSite=None'],
          'strict-transport-security': 'max-age=600',
          'x-backend': 'yes',
        })
        res.end()
      },
    })
    const proxy = await startProxy({ routes: { '/api': `${upstream.url}/v1` } })
    const res = await request(`${proxy.url}/api/session`)
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe('/api/login')
    expect(res.headers['set-cookie']).toEqual(['sid=1; Path=/api; SameSite=Lax'])
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(res.headers['x-backend']).toBe('yes')
  })

  it('takes the dev origin from the request: localhost and 127.0.0.1 both work, neither picks the target', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const onIp = `http://127.0.0.1:${proxy.port}`
    const onName = `http://localhost:${proxy.port}`
    await request(`${proxy.url}/api/a`, { headers: { origin: onIp } })
    await request(`${proxy.url}/api/b`, { headers: { host: `localhost:${proxy.port}`, origin: onName } })
    await request(`${proxy.url}/api/c`, { headers: { host: `localhost:${proxy.port}`, origin: onIp } })
    const origins = upstream.requests.map((r) => r.headers.origin)
    expect(origins).toEqual([upstream.url, upstream.url, onIp])
    expect(upstream.requests.map((r) => r.headers['x-forwarded-host'])).toEqual([
      `127.0.0.1:${proxy.port}`,
      `localhost:${proxy.port}`,
      `localhost:${proxy.port}`,
    ])
  })

  it('forwards Expect: 100-continue uploads (Node already answered the expectation)', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/api/upload`, {
      method: 'PUT',
      headers: { expect: '100-continue', 'content-length': '5' },
      body: 'hello',
    })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ method: 'PUT', body: 'hello' })
    expect(upstream.requests[0]?.headers.expect).toBeUndefined()
  })
})

describe('the caller’s request', () => {
  it('keeps its own headers after forwarding (the upstream record is only lent to httpxy)', async () => {
    const upstream = await upstreamForTest()
    const engine = createProxy(resolveConfig({ routes: { '/api': upstream.url } }, { env: {} }), {
      logger: captureLogs(),
      env: {},
    })
    const seen: IncomingHttpHeaders[] = []
    const server = createServer((req, res) => {
      const before = req.headers
      res.once('finish', () => {
        expect(req.headers).toBe(before)
        seen.push(req.headers)
      })
      engine.middleware(req, res, () => res.end('host'))
    })
    const listening = await listen(server)
    onTestFinished(async () => {
      await listening.close()
      await engine.close()
    })
    const res = await request(`${listening.url}/api/x`, { headers: { 'x-forwarded-for': '10.9.9.9' } })
    expect(res.status).toBe(200)
    await eventually(() => seen.length === 1)
    // What the host's later middlewares see: the browser's headers, not the upstream's.
    expect(seen[0]).toMatchObject({ host: `127.0.0.1:${listening.port}`, 'x-forwarded-for': '10.9.9.9' })
    expect(seen[0]).not.toHaveProperty('x-forwarded-host')
    expect(upstream.requests[0]?.headers.host).toBe(`127.0.0.1:${upstream.port}`)
  })
})
