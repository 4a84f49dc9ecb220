// CORS mode (`cors` option, `sameorigin serve --allow-origin`): the proxy speaks CORS for listed
// origins only. The attack it must never enable is "credentialed CORS reflecting any origin": any
// site the developer visits could then read the backend with their cookies. So an unlisted origin
// gets 403 before any backend sees it, `*` is never sent with credentials, and the backend's own
// CORS headers (often `*`) are replaced, not merged.
import { once } from 'node:events'
import { createServer } from 'node:http'
import { request, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import type { CorsOptions } from '../../src/pipeline/resolve-cors.ts'
import { createProxy } from '../../src/engine/create-proxy.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import { createProxyServer } from '../../src/server/create-proxy-server.ts'
import { listen } from '../../src/server/listen.ts'

const STORYBOOK = 'http://localhost:6006'
const quiet = { info() {}, warn() {}, error() {} }

async function start(cors: CorsOptions, upstreamOptions?: Parameters<typeof startUpstream>[0]) {
  const upstream = await startUpstream(upstreamOptions)
  onTestFinished(() => upstream.close())
  const resolved = resolveConfig({ routes: { '/api': upstream.url } }, { env: {} })
  const proxy = await listen(createProxyServer(resolved, { logger: quiet, cors }))
  onTestFinished(() => proxy.close())
  return { upstream, proxy }
}

describe('CORS mode', () => {
  it('answers a preflight from a listed origin itself, never forwarding it', async () => {
    const { upstream, proxy } = await start({ origins: [STORYBOOK], credentials: true })
    const res = await request(`${proxy.url}/api/items`, {
      method: 'OPTIONS',
      headers: {
        origin: STORYBOOK,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'Content-Type, X-Trace, bad header',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': STORYBOOK,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT',
      // Echoed as validated tokens only: "bad header" is not a header name.
      'access-control-allow-headers': 'content-type, x-trace',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    })
    expect(upstream.requests).toHaveLength(0)
  })

  it("echoes the origin on the backend's answer, replacing the backend's own CORS headers", async () => {
    const { proxy } = await start(
      { origins: [STORYBOOK], credentials: true },
      {
        handle: (_req, res) => {
          res.writeHead(200, {
            'access-control-allow-origin': '*',
            'access-control-allow-methods': 'GET',
            vary: 'Accept-Encoding',
            'x-request-id': 'r1',
            'content-type': 'application/json',
          })
          res.end('{}')
        },
      },
    )
    const res = await request(`${proxy.url}/api/me`, { headers: { origin: STORYBOOK, cookie: 'sid=1' } })
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe(STORYBOOK)
    expect(res.headers['access-control-allow-credentials']).toBe('true')
    expect(res.headers['access-control-allow-methods']).toBeUndefined()
    expect(res.headers.vary).toBe('Accept-Encoding, Origin')
    // Every header a page could not otherwise read (Date and X-Request-Id here; not Content-Type).
    expect(res.headers['access-control-expose-headers']).toBe('x-request-id, date')
  })

  it('refuses an unlisted origin with 403 before any backend, for requests and websockets', async () => {
    const { upstream, proxy } = await start(
      { origins: [STORYBOOK], credentials: true },
      { websocket: (socket) => socket.close() },
    )
    for (const method of ['GET', 'OPTIONS', 'POST']) {
      const res = await request(`${proxy.url}/api/me`, {
        method,
        headers: {
          origin: 'https://evil.example',
          accept: 'application/json',
          'access-control-request-method': 'GET',
        },
      })
      expect(res.status).toBe(403)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'ERR_REQUEST_ORIGIN_NOT_ALLOWED' } })
    }
    // `Origin: null` (sandboxed iframes, file: pages, redirected requests) is never an allowed origin.
    const nullOrigin = await request(`${proxy.url}/api/me`, { headers: { origin: 'null' } })
    expect(nullOrigin.status).toBe(403)
    const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/api/live`, {
      origin: 'https://evil.example',
    })
    const [, response] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }]
    expect(response.statusCode).toBe(403)
    expect(upstream.requests).toHaveLength(0)
  })

  it('lets requests without Origin through unchanged (curl, same-origin navigations)', async () => {
    const { upstream, proxy } = await start({ origins: [STORYBOOK] })
    const res = await request(`${proxy.url}/api/me`)
    expect(res.status).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(upstream.requests).toHaveLength(1)
  })

  it('sends `*` for any origin without credentials, and the error answers carry CORS headers', async () => {
    const upstream = await startUpstream()
    await upstream.close()
    const resolved = resolveConfig({ routes: { '/api': upstream.url } }, { env: {} })
    const proxy = await listen(createProxyServer(resolved, { logger: quiet, cors: { origins: '*' } }))
    onTestFinished(() => proxy.close())
    const res = await request(`${proxy.url}/api/me`, {
      headers: { origin: 'http://anything.test:3000', accept: 'application/json' },
    })
    expect(res.status).toBe(502)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-allow-credentials']).toBeUndefined()
  })

  it('refuses `*` with credentials and origins that are not origins, naming each', () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:1' } }, { env: {} })
    const attempt = (cors: CorsOptions): unknown => {
      try {
        createProxy(resolved, { logger: quiet, cors })
      } catch (error) {
        return error
      }
      return undefined
    }
    const star = attempt({ origins: '*', credentials: true })
    expect(isProxyError(star) && star.issues.map((issue) => issue.path)).toEqual(['cors.origins'])
    const bad = attempt({ origins: ['localhost:6006', 'http://localhost:6006/app', 'http://ok.test'] })
    expect(isProxyError(bad) && bad.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'cors.origins[0]: "localhost:6006" is not an http(s) origin.',
      'cors.origins[1]: "http://localhost:6006/app" has more than scheme, host and port (use http://localhost:6006).',
    ])
  })

  it("rewrites a listed Origin to the target's, so a backend checking Origin accepts it", async () => {
    // A backend with a CSRF-style check: only its own origin may call it.
    const seen: (string | undefined)[] = []
    const backend = createServer((req, res) => {
      seen.push(req.headers.origin)
      const own = `http://${req.headers.host ?? ''}`
      res.writeHead(req.headers.origin === undefined || req.headers.origin === own ? 200 : 403).end()
    })
    backend.listen(0, '127.0.0.1')
    await once(backend, 'listening')
    onTestFinished(() => void backend.close())
    const address = backend.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    const target = `http://127.0.0.1:${address.port}`
    const config = { routes: { '/api': target, '/raw': { target, rewriteOrigin: false } } }
    const cors = { origins: [STORYBOOK], credentials: true }
    const proxy = await listen(createProxyServer(config, { logger: quiet, cors }))
    onTestFinished(() => proxy.close())

    const listed = await request(`${proxy.url}/api/login`, { method: 'POST', headers: { origin: STORYBOOK } })
    expect(listed.status).toBe(200)
    expect(listed.headers['access-control-allow-origin']).toBe(STORYBOOK)
    // The per-route switch still holds: the page's origin goes through, and the backend refuses it.
    const raw = await request(`${proxy.url}/raw/login`, { method: 'POST', headers: { origin: STORYBOOK } })
    expect(raw.status).toBe(403)
    expect(seen).toEqual([target, STORYBOOK])
  })
})
