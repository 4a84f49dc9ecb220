// The exported nginx config run by the real nginx against real backends on 127.0.0.1: what a browser
// and a backend see through it must be what the dev proxy gives them.
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import {
  connectWebSocket,
  createGate,
  HAS_NGINX,
  NGINX_PATH,
  request,
  sendRaw,
  startUpstream,
} from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServedExport } from './_nginx.ts'
import { serveExport } from './_nginx.ts'

const SKIP = HAS_NGINX
  ? false
  : `nginx is not installed at ${NGINX_PATH} (apt-get install nginx-light, or set NGINX_PATH): skipped`

describe.skipIf(SKIP)(`sameorigin export nginx, run by nginx${SKIP === false ? '' : ` (${SKIP})`}`, () => {
  let backend: Upstream
  let silent: Upstream
  let nginx: ServedExport
  let distDir: string
  const gate = createGate()
  let uploadSeen = 0
  const uploadStarted = createGate()

  beforeAll(async () => {
    backend = await startUpstream({
      websocket: (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)),
      handle: (req, res, recorded) => {
        const url = req.url ?? ''
        if (url.startsWith('/v1/login')) {
          res.writeHead(303, {
            location: `${backend.url}/v1/home?welcome=1`,
            'set-cookie': [
              `sid=abc; Domain=127.0.0.1; Path=/v1; HttpOnly; SameSite=Lax`,
              'theme=dark; Path=/; Secure',
            ],
          })
          res.end()
          return
        }
        if (url.startsWith('/v1/refresh')) {
          res.writeHead(200, { refresh: `0; url=${backend.url}/v1/next` })
          res.end()
          return
        }
        if (url.startsWith('/v1/events')) {
          res.writeHead(200, { 'content-type': 'text/event-stream' })
          res.write('data: first\n\n')
          void gate.opened.then(() => res.end('data: last\n\n'))
          return
        }
        if (url.startsWith('/v1/upload')) {
          req.on('data', (chunk: Buffer) => {
            uploadSeen += chunk.length
            uploadStarted.open()
          })
          req.on('end', () => res.end(JSON.stringify({ received: uploadSeen })))
          return
        }
        let body = ''
        req.on('data', (chunk: Buffer) => (body += chunk.toString()))
        req.on('end', () => {
          recorded.body = body
          res.setHeader('x-upstream-secret', 'hidden')
          res.end(JSON.stringify({ path: url, headers: req.headers, body }))
        })
      },
    })
    silent = await startUpstream({ handle: () => {} })
    distDir = await mkdtemp(join(tmpdir(), 'sameorigin-dist-'))
    // nginx's workers run as an unprivileged user: the folder must be readable (mkdtemp makes it 0700).
    await chmod(distDir, 0o755)
    await writeFile(join(distDir, 'index.html'), '<!doctype html><title>app</title><p>the app</p>')
    await writeFile(join(distDir, 'app.js'), 'console.log(1)')
    nginx = await serveExport(
      {
        routes: {
          '/api': {
            target: `${backend.url}/v1`,
            headers: { 'x-api-key': 'k$1', cookie: null },
            responseHeaders: { 'x-upstream-secret': null, 'x-frame-options': 'DENY' },
          },
          '/raw': `${backend.url}`,
          '/slow': { target: silent.url, timeout: 300 },
          '/down': 'http://127.0.0.1:9',
        },
      },
      distDir,
    )
  })

  afterAll(async () => {
    gate.open()
    await nginx?.close()
    await backend?.close()
    await silent?.close()
    if (distDir !== undefined) await rm(distDir, { recursive: true, force: true })
  })

  it('maps a login: 303 back on the app origin, cookie for the app with its Path mapped', async () => {
    const res = await request(`${nginx.url}/api/login`, { method: 'POST', body: 'user=a' })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/api/home?welcome=1')
    // nginx can only empty the Domain: `Domain=` is ignored by browsers (the cookie is host-only).
    // On this plain-http origin every cookie gets SameSite=Lax (what browsers assume without one).
    expect(res.headers['set-cookie']).toEqual([
      'sid=abc; Domain=; Path=/api; HttpOnly; SameSite=Lax',
      'theme=dark; Path=/; SameSite=Lax',
    ])
  })

  it('rewrites a Refresh pointing at the target like a Location', async () => {
    const res = await request(`${nginx.url}/api/refresh`)
    expect(res.headers.refresh).toBe('0; url=/api/next')
  })

  it("forwards with the target's Host, X-Forwarded-*, Origin and Referer rewritten, header overrides", async () => {
    const res = await request(`${nginx.url}/api/me?x=1`, {
      headers: {
        origin: nginx.url,
        referer: `${nginx.url}/settings?tab=2`,
        cookie: 'dropped=1',
        'x-forwarded-for': '203.0.113.9',
      },
    })
    const seen = JSON.parse(res.body) as { path: string; headers: Record<string, string> }
    expect(seen.path).toBe('/v1/me?x=1')
    expect(seen.headers).toMatchObject({
      host: `127.0.0.1:${backend.port}`,
      origin: backend.url,
      referer: `${backend.url}/settings?tab=2`,
      'x-api-key': 'k$1',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-host': `127.0.0.1:${nginx.port}`,
      'x-forwarded-proto': 'http',
      'x-forwarded-port': String(nginx.port),
    })
    expect(seen.headers.cookie).toBeUndefined()
    expect(res.headers['x-upstream-secret']).toBeUndefined()
    expect(res.headers['x-frame-options']).toBe('DENY')
  })

  it('passes an Origin of another site untouched', async () => {
    const res = await request(`${nginx.url}/api/me`, { headers: { origin: 'https://other.example' } })
    expect((JSON.parse(res.body) as { headers: { origin: string } }).headers.origin).toBe(
      'https://other.example',
    )
  })

  it('keeps encoded characters as the browser sent them', async () => {
    const raw = await request(`${nginx.url}/raw/a%3Fb%2Fc/caf%C3%A9?q=%2F`)
    expect((JSON.parse(raw.body) as { path: string }).path).toBe('/raw/a%3Fb%2Fc/caf%C3%A9?q=%2F')
    const swapped = await request(`${nginx.url}/api/a%3Fb/caf%C3%A9/x%20y/?q=%2F`)
    expect((JSON.parse(swapped.body) as { path: string }).path).toBe('/v1/a%3Fb/caf%C3%A9/x%20y/?q=%2F')
  })

  it('proxies websockets', async () => {
    const client = await connectWebSocket(`${nginx.url.replace('http', 'ws')}/api/socket`)
    client.socket.send('hi')
    expect(await client.waitFor((message) => message.startsWith('echo:'))).toBe('echo:hi')
  })

  it('delivers an event stream unbuffered: the first event arrives before the stream ends', async () => {
    const req = httpRequest(`${nginx.url}/api/events`, { headers: { accept: 'text/event-stream' } })
    req.end()
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage]
    expect(res.headers['content-type']).toBe('text/event-stream')
    const [first] = (await once(res, 'data')) as [Buffer]
    expect(first.toString()).toBe('data: first\n\n')
    gate.open()
    res.resume()
    await once(res, 'end')
  })

  it('streams a large upload: the backend reads it while the browser still sends', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a')
    const req = httpRequest(`${nginx.url}/api/upload`, {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
    })
    const answered = once(req, 'response')
    req.write(chunk)
    await uploadStarted.opened
    for (let i = 1; i < 32; i++) req.write(chunk)
    req.end()
    const [res] = (await answered) as [import('node:http').IncomingMessage]
    let body = ''
    for await (const piece of res) body += String(piece)
    expect(JSON.parse(body)).toEqual({ received: 32 * chunk.length })
  })

  it("answers 504 with the engine's JSON error when the route's timeout passes", async () => {
    const res = await request(`${nginx.url}/slow/x`, { headers: { accept: 'application/json' } })
    expect(res.status).toBe(504)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'ERR_UPSTREAM_TIMEOUT', route: '/slow' } })
  })

  it('answers 502 with a readable JSON error when the backend is down', async () => {
    const res = await request(`${nginx.url}/down/x`)
    expect(res.status).toBe(502)
    expect(JSON.parse(res.body)).toMatchObject({
      error: { code: 'ERR_UPSTREAM_UNREACHABLE', route: '/down', target: 'http://127.0.0.1:9/' },
    })
  })

  it('serves the built files, and index.html for the app routes', async () => {
    expect((await request(`${nginx.url}/app.js`)).body).toBe('console.log(1)')
    const page = await request(`${nginx.url}/settings/profile`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('the app')
  })

  it('refuses hostile paths with 400 and forwards nothing', async () => {
    const before = backend.requests.length
    for (const path of [
      '/api/%2e%2e%2fadmin',
      '/api/..%2F..%2Fetc/passwd',
      '/api/..%5cadmin',
      '/api/%252e%252e%252fadmin',
      '/api/file%00.json',
    ]) {
      const res = await request(`${nginx.url}${path}`)
      expect([path, res.status, res.body]).toEqual([
        path,
        400,
        expect.stringContaining('"ERR_REQUEST_PATH_UNSAFE"'),
      ])
    }
    const climbing = await sendRaw(
      nginx.port,
      `GET /api/../../admin HTTP/1.1\r\nHost: 127.0.0.1:${nginx.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(climbing).toMatch(/^HTTP\/1\.1 400/)
    expect(backend.requests.length).toBe(before)
  })

  it('refuses a foreign Host before any route', async () => {
    const before = backend.requests.length
    const res = await sendRaw(
      nginx.port,
      `GET /api/me HTTP/1.1\r\nHost: evil.example:${nginx.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(res).toMatch(/^HTTP\/1\.1 421/)
    expect(backend.requests.length).toBe(before)
  })
})
