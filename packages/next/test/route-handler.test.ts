import process from 'node:process'
import { createHash } from 'node:crypto'
import { request as httpRequest, Agent } from 'node:http'
import type { Listening, Upstream } from '@sameorigin/test-utils'
import { request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { resolveConfig } from '@sameorigin/core'
import { createRouteHandler, createRouteHandlerFrom } from '../src/route/create-route-handler.ts'
import { serveWebHandler } from './serve-web-handler.ts'

const MiB = 1024 * 1024
const silent = { info: () => {}, warn: () => {}, error: () => {} }

describe('the App Router route handler over Web Request/Response', () => {
  let upstream: Upstream
  let app: Listening
  let warnings: string[]
  let uploaded = { bytes: 0, sha: '' }

  beforeAll(async () => {
    upstream = await startUpstream({
      handle(req, res, recorded) {
        if (req.url === '/v1/login') {
          res.writeHead(303, {
            location: `${upstream.url}/v1/me`,
            'set-cookie': 'session=abc; Domain=backend.example; Path=/v1; HttpOnly; Secure; SameSite=None',
          })
          res.end()
        } else if (req.url === '/v1/upload') {
          const hash = createHash('sha256')
          let bytes = 0
          req.on('data', (chunk: Buffer) => {
            bytes += chunk.length
            hash.update(chunk)
          })
          req.on('end', () => {
            uploaded = { bytes, sha: hash.digest('hex') }
            res.end('ok')
          })
        } else if (req.url === '/v1/slow') {
          // Never answers: the route's timeout must.
          req.resume()
        } else {
          req.resume()
          res.setHeader('content-type', 'application/json')
          res.end(JSON.stringify({ path: recorded.path, origin: recorded.headers.origin ?? null }))
        }
      },
    })
    warnings = []
    const logger = { ...silent, warn: (line: string) => warnings.push(line) }
    const handlers = createRouteHandler({
      configFile: false,
      logger,
      routes: {
        '/api/slow': { target: `${upstream.url}/v1/slow`, timeout: 300 },
        '/api': `${upstream.url}/v1`,
        '/down': 'http://127.0.0.1:1',
      },
    })
    app = await serveWebHandler(handlers.POST)
  })
  afterAll(async () => {
    await app?.close()
    await upstream?.close()
  })

  it('rewrites the redirect, the cookie and the Origin for the dev origin', async () => {
    const res = await request(`${app.url}/api/login`, { method: 'POST', headers: { origin: app.url } })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/api/me')
    expect(res.headers['set-cookie']).toEqual(['session=abc; Path=/api; HttpOnly; SameSite=Lax'])
    const echoed = await request(`${app.url}/api/who?x=1`, { headers: { origin: app.url } })
    expect(JSON.parse(echoed.body)).toEqual({ path: '/v1/who?x=1', origin: upstream.url })
  })

  it('streams a 50 MiB upload to the upstream byte for byte', async () => {
    const chunk = Buffer.alloc(MiB, 7)
    const expected = createHash('sha256')
    for (let i = 0; i < 50; i++) expected.update(chunk)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${app.url}/api/upload`,
        { method: 'POST', agent: false, headers: { 'content-length': 50 * MiB } },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        },
      )
      req.on('error', reject)
      let sent = 0
      const write = (): void => {
        while (sent < 50 && req.write(chunk)) sent++
        if (sent < 50)
          req.once('drain', () => {
            sent++
            write()
          })
        else req.end()
      }
      write()
    })
    expect(status).toBe(200)
    expect(uploaded).toEqual({ bytes: 50 * MiB, sha: expected.digest('hex') })
  })

  it('reuses upstream connections (keep-alive): 20 sequential requests, at most 2 connections', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    onTestFinished(() => agent.destroy())
    const before = upstream.connections
    for (let i = 0; i < 20; i++) expect((await request(`${app.url}/api/n${i}`, { agent })).status).toBe(200)
    expect(upstream.connections - before).toBeLessThanOrEqual(2)
  })

  it('answers 502 with the engine body when the upstream is down, and logs it once', async () => {
    warnings.length = 0
    const res = await request(`${app.url}/down/x`, { headers: { accept: 'application/json' } })
    expect(res.status).toBe(502)
    expect(JSON.parse(res.body)).toMatchObject({
      error: { code: 'ERR_UPSTREAM_UNREACHABLE', route: '/down' },
    })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('ERR_UPSTREAM_UNREACHABLE')
    const page = await request(`${app.url}/down/x`, { headers: { accept: 'text/html' } })
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('502 Bad Gateway')
  })

  it('answers 504 ERR_UPSTREAM_TIMEOUT when the upstream stays silent past the route timeout', async () => {
    const res = await request(`${app.url}/api/slow`, { headers: { accept: 'application/json' } })
    expect(res.status).toBe(504)
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'ERR_UPSTREAM_TIMEOUT' } })
  })

  it('refuses an unsafe path with 400 and answers 404 where no route matches', async () => {
    const unsafe = await request(`${app.url}/api/..%2f..%2fetc`, { headers: { accept: 'application/json' } })
    expect(unsafe.status).toBe(400)
    expect(JSON.parse(unsafe.body)).toMatchObject({ error: { code: 'ERR_REQUEST_PATH_UNSAFE' } })
    expect((await request(`${app.url}/elsewhere`)).status).toBe(404)
  })
})

describe('the route handler in production', () => {
  it('forwards nothing when NODE_ENV is production, unless asked to', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const routes = { '/api': upstream.url }
    const off = createRouteHandler({ configFile: false, logger: silent, routes })
    const on = createRouteHandler({ configFile: false, logger: silent, routes, production: true })
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    onTestFinished(() => {
      process.env.NODE_ENV = env
    })
    expect((await off.GET(new Request('http://127.0.0.1:3000/api/x'))).status).toBe(404)
    expect(
      (await on.GET(new Request('http://127.0.0.1:3000/api/x', { headers: { host: '127.0.0.1:3000' } })))
        .status,
    ).toBe(200)
    expect(upstream.requests.map((req) => req.path)).toEqual(['/api/x'])
  })
})

describe('the route handler when its config changes', () => {
  it('updates its one proxy when another config is loaded: the pooled upstream socket is kept', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const first = resolveConfig({ routes: { '/api': upstream.url } })
    const second = resolveConfig({ routes: { '/api': `${upstream.url}/v2` } })
    let config = first
    const handlers = createRouteHandlerFrom(async () => config, { logger: silent })
    const app = await serveWebHandler(handlers.GET)
    onTestFinished(() => app.close())
    expect((await request(`${app.url}/api/x`)).status).toBe(200)
    expect(upstream.openConnections).toBe(1)
    config = second
    expect((await request(`${app.url}/api/x`)).status).toBe(200)
    expect(upstream.requests.map((req) => req.path)).toEqual(['/api/x', '/v2/x'])
    // The same proxy, so the same pool: the second request went over the first one's connection.
    expect(upstream.connections).toBe(1)
    expect(upstream.openConnections).toBe(1)
  })
})

describe('the route handler’s inspector', () => {
  it('serves /__sameorigin/ in development, on the origin the browser used', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const handlers = createRouteHandler({
      configFile: false,
      logger: silent,
      routes: { '/api': upstream.url },
    })
    const app = await serveWebHandler(handlers.POST)
    onTestFinished(() => app.close())
    const page = await request(`${app.url}/__sameorigin/`)
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8'])
    // Next names `localhost` in `request.url` whatever Host the browser sent: the inspector must
    // still take a change from the page it served (its Origin is the Host's).
    const { port } = new URL(app.url)
    const session = await handlers.POST(
      new Request(`http://localhost:${port}/__sameorigin/api/session`, {
        method: 'POST',
        headers: { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` },
        body: JSON.stringify({ showSecrets: true }),
      }),
    )
    expect(session.status).toBe(200)
    expect(await session.json()).toEqual({ showSecrets: true })
  })

  it('serves no inspector when NODE_ENV is production, even with production: true', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    onTestFinished(() => {
      process.env.NODE_ENV = env
    })
    const routes = { '/api': upstream.url }
    const on = createRouteHandler({ configFile: false, logger: silent, routes, production: true })
    const app = await serveWebHandler(on.GET)
    onTestFinished(() => app.close())
    expect((await request(`${app.url}/__sameorigin/`)).status).toBe(404)
    expect((await request(`${app.url}/__sameorigin/api/exchanges`)).status).toBe(404)
    expect((await request(`${app.url}/api/x`)).status).toBe(200)
  })
})
