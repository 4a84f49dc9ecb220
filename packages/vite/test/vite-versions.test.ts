// One scenario list against every Vite major the peer range declares (8, 7 and 6): proxying, the
// place in Vite's middleware order (after the host check, before CORS), HMR next to a catch-all
// WebSocket route, and `vite preview`.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { connectWebSocket, request, startUpstream } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture, mainModule } from './_fixture.ts'
import { VITES, startDev, startPreview } from './_vite.ts'
import { isHmrMessage } from './_hmr.ts'

async function upstreamForTest(): Promise<Upstream> {
  const upstream = await startUpstream({
    websocket: (socket) => socket.on('message', (data) => socket.send(`echo:${String(data)}`)),
  })
  onTestFinished(() => upstream.close())
  return upstream
}

describe.each(VITES)('$name', ({ vite }) => {
  it('dev: proxies a matching request and leaves the others to Vite', async () => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startDev(vite, { root: createFixture(), plugins })

    const proxied = await request(`${url}/api/users?page=2`)
    expect(proxied.status).toBe(200)
    expect(JSON.parse(proxied.body)).toMatchObject({ method: 'GET', path: '/api/users?page=2' })

    const page = await request(`${url}/`, { headers: { accept: 'text/html' } })
    expect(page.body).toContain('<title>dev</title>')
    expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/users?page=2'])
  })

  it("dev: an OPTIONS preflight reaches the backend instead of Vite's CORS middleware", async () => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startDev(vite, { root: createFixture(), plugins })

    // An origin Vite's default `server.cors` allows: its CORS middleware would answer 204 itself.
    const headers = { origin: url, 'access-control-request-method': 'DELETE' }
    const preflight = await request(`${url}/api/items/1`, { method: 'OPTIONS', headers })
    expect(preflight.status).toBe(200)
    expect(upstream.requests).toMatchObject([{ method: 'OPTIONS', path: '/api/items/1' }])

    // Paths no route matches still get Vite's CORS answer.
    const own = await request(`${url}/main.js`, { method: 'OPTIONS', headers })
    expect(own.status).toBe(204)
    expect(own.headers['access-control-allow-origin']).toBe(url)
  })

  it("dev: a foreign Host still gets Vite's 403 (DNS-rebinding protection), and nothing reaches the backend", async () => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startDev(vite, { root: createFixture(), plugins })

    for (const method of ['GET', 'OPTIONS']) {
      const blocked = await request(`${url}/api/secrets`, { method, headers: { host: 'attacker.example' } })
      expect(blocked.status).toBe(403)
      expect(blocked.body).toContain('attacker.example')
    }
    expect(upstream.requests).toEqual([])
  })

  it('dev: HMR keeps working under a catch-all ws route, while other websockets are proxied', async () => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/': { target: upstream.url, ws: true } } })]
    const root = createFixture()
    const { server, url } = await startDev(vite, { root, plugins })
    const wsUrl = url.replace('http:', 'ws:')

    const hmr = await connectWebSocket(`${wsUrl}/`, 'vite-hmr')
    await hmr.waitFor(isHmrMessage('connected'))
    const api = await connectWebSocket(`${wsUrl}/api/ws`)
    api.socket.send('hello')
    expect(await api.waitFor((message) => message.startsWith('echo:'))).toBe('echo:hello')

    // The catch-all route would also take /main.js over HTTP: put it in Vite's module graph directly.
    await server.environments!.client.transformRequest('/main.js')
    writeFileSync(join(root, 'main.js'), mainModule(2))
    const update = JSON.parse(await hmr.waitFor(isHmrMessage('update'))) as { updates: { path: string }[] }
    expect(update.updates.map((entry) => entry.path)).toEqual(['/main.js'])

    expect(upstream.requests.map(({ kind, path }) => `${kind} ${path}`)).toEqual(['upgrade /api/ws'])
  })

  it('preview: proxies after the host check and before CORS', async () => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startPreview(vite, { root: createFixture(), plugins })

    expect(JSON.parse((await request(`${url}/api/me`)).body)).toMatchObject({ path: '/api/me' })
    const headers = { origin: url, 'access-control-request-method': 'DELETE' }
    expect((await request(`${url}/api/me`, { method: 'OPTIONS', headers })).status).toBe(200)
    expect((await request(`${url}/api/me`, { headers: { host: 'attacker.example' } })).status).toBe(403)
    expect((await request(`${url}/`, { headers: { accept: 'text/html' } })).body).toContain(
      '<title>built</title>',
    )
    expect(upstream.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET /api/me',
      'OPTIONS /api/me',
    ])

    const api = await connectWebSocket(`${url.replace('http:', 'ws:')}/api/ws`)
    api.socket.send('hi')
    expect(await api.waitFor((message) => message.startsWith('echo:'))).toBe('echo:hi')
  })
})
