// The exported Caddyfile on the real Caddy (Debian's 2.6), against real backends on 127.0.0.1: what
// a browser's requests and the backend's answers look like through it.
import type { Upstream } from '@sameorigin/test-utils'
import { caddyMissing, connectWebSocket, request, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportedCaddy } from './_caddy.ts'
import { startExportedCaddy } from './_caddy.ts'

const missing = caddyMissing()

describe.skipIf(missing !== undefined)(
  `the exported Caddyfile on Caddy${missing === undefined ? '' : ` (${missing})`}`,
  () => {
    let upstream: Upstream
    let caddy: ExportedCaddy

    beforeAll(async () => {
      upstream = await startUpstream({
        websocket: (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)),
        handle: (req, res, recorded) => {
          if (req.url === '/v1/login') {
            res.writeHead(303, {
              location: `${upstream.url}/v1/home?welcome=1`,
              'set-cookie': [
                'sid=abc; Domain=127.0.0.1; Path=/v1; HttpOnly; Secure; SameSite=None',
                '__Host-csrf=t; Path=/; Secure',
              ],
            })
            return res.end()
          }
          res.writeHead(200, { 'content-type': 'application/json', 'x-powered-by': 'backend' })
          res.end(JSON.stringify({ path: recorded.path, headers: req.headers }))
        },
      })
      caddy = await startExportedCaddy({
        routes: {
          '/api': {
            target: `${upstream.url}/v1`,
            headers: { 'x-api-key': '{"k":1}', 'x-drop': null },
            responseHeaders: { 'x-powered-by': null, 'x-served-by': 'caddy' },
          },
          '/raw': { target: upstream.url, xfwd: false, changeOrigin: false, rewriteOrigin: false },
        },
      })
    })
    afterAll(async () => {
      await caddy?.close()
      await upstream?.close()
    })

    const json = async (path: string, headers: Record<string, string> = {}) => {
      const res = await request(`${caddy.url}${path}`, { headers })
      expect(res.status).toBe(200)
      return JSON.parse(res.body) as { path: string; headers: Record<string, string | undefined> }
    }

    it('logs in: 303 with Location back on the app and the cookie for the app (Domain dropped, Path mapped)', async () => {
      const res = await request(`${caddy.url}/api/login`, { method: 'POST', body: 'user=a' })
      expect(res.status).toBe(303)
      expect(res.headers.location).toBe('/api/home?welcome=1')
      // A plain-http origin: as the engine does on http, Secure dropped and SameSite=None lowered.
      expect(res.headers['set-cookie']).toEqual([
        'sid=abc; Path=/api; HttpOnly; SameSite=Lax',
        'sameorigin-__Host-csrf=t; Path=/',
      ])
    })

    it('sends the base path, keeps encoded characters encoded and never takes /apix', async () => {
      expect((await json('/api/users?a=1')).path).toBe('/v1/users?a=1')
      expect((await json('/api')).path).toBe('/v1')
      expect((await json('/api/group%2Fproject/a%3Fb')).path).toBe('/v1/group%2Fproject/a%3Fb')
      const before = upstream.requests.length
      expect((await request(`${caddy.url}/apix`)).status).toBe(404)
      expect(upstream.requests).toHaveLength(before)
    })

    it('rewrites Origin and Referer naming the app to the target, and no other origin', async () => {
      const app = caddy.url
      const seen = await json('/api/x', { origin: app, referer: `${app}/page?q=1` })
      expect(seen.headers.origin).toBe(upstream.url)
      expect(seen.headers.referer).toBe(`${upstream.url}/page?q=1`)
      expect((await json('/api/x', { origin: 'https://evil.example' })).headers.origin).toBe(
        'https://evil.example',
      )
      expect((await json('/raw/x', { origin: app })).headers.origin).toBe(app)
    })

    it("sets Host, the forwarded headers (with xfwd: false, the client's) and the header overrides", async () => {
      const seen = await json('/api/x', {
        'x-drop': 'secret',
        'x-forwarded-for': '6.6.6.6',
        cookie: 'a=1; sameorigin-__Host-csrf=t',
      })
      expect(seen.headers).toMatchObject({
        host: new URL(upstream.url).host,
        'x-api-key': '{"k":1}',
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
        'x-forwarded-host': new URL(caddy.url).host,
        'x-forwarded-port': String(caddy.port),
        cookie: 'a=1; __Host-csrf=t',
      })
      expect(seen.headers['x-drop']).toBeUndefined()
      // xfwd: false passes the client's own; one it did not send arrives empty (a declared loss).
      const raw = await json('/raw/x', { 'x-forwarded-for': '6.6.6.6' })
      expect(raw.headers).toMatchObject({
        host: new URL(caddy.url).host,
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-host': '',
      })
      expect(raw.headers['x-forwarded-port']).toBeUndefined()
    })

    it('applies responseHeaders', async () => {
      const res = await request(`${caddy.url}/api/x`)
      expect(res.headers['x-served-by']).toBe('caddy')
      expect(res.headers['x-powered-by']).toBeUndefined()
    })

    it('proxies websockets', async () => {
      const client = await connectWebSocket(`${caddy.url.replace('http', 'ws')}/api/socket`)
      client.socket.send('hi')
      expect(await client.waitFor((message) => message.startsWith('echo:'))).toBe('echo:hi')
      expect(upstream.requests.at(-1)).toMatchObject({ kind: 'upgrade', path: '/v1/socket' })
    })
  },
)
