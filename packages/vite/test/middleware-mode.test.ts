// Vite in middleware mode has no http server of its own: the user's server hands requests to
// `vite.middlewares` and, passed as `server.hmr.server`, receives the upgrades.
import { createServer } from 'node:http'
import { connectWebSocket, listen, request, startUpstream } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import type { LogLine, TestServer, ViteApi } from './_vite.ts'
import { VITES, captureLogger } from './_vite.ts'
import { isHmrMessage } from './_hmr.ts'

interface MiddlewareModeApp {
  readonly vite: TestServer
  readonly url: string
  readonly lines: LogLine[]
  readonly server: ReturnType<typeof createServer>
}

/** `hmr` works in every major (deprecated in Vite 8); `ws` is Vite 8's name for the same options. */
async function startApp(
  vite: ViteApi,
  upstream: Upstream,
  option: 'hmr' | 'ws' = 'hmr',
): Promise<MiddlewareModeApp> {
  const server = createServer()
  const { logger, lines } = captureLogger()
  const app = await vite.createServer({
    root: createFixture(),
    configFile: false,
    customLogger: logger,
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, [option]: { server } },
    plugins: [sameorigin({ routes: { '/api': upstream.url } })],
  })
  onTestFinished(() => app.close())
  server.on('request', (req, res) => app.middlewares(req, res))
  const listening = await listen(server)
  onTestFinished(() => listening.close())
  return { vite: app, url: listening.url, lines, server }
}

async function upstreamForTest(): Promise<Upstream> {
  const upstream = await startUpstream({
    websocket: (socket) => socket.on('message', (data) => socket.send(data)),
  })
  onTestFinished(() => upstream.close())
  return upstream
}

describe.each(VITES)('$name in middleware mode', ({ vite }) => {
  it('proxies requests and websockets through the user’s server, next to HMR', async () => {
    const upstream = await upstreamForTest()
    const { url, lines } = await startApp(vite, upstream)
    const wsUrl = url.replace('http:', 'ws:')

    expect(JSON.parse((await request(`${url}/api/x`)).body)).toMatchObject({ path: '/api/x' })
    expect((await request(`${url}/main.js`)).body).toContain('import.meta.hot')
    const api = await connectWebSocket(`${wsUrl}/api/ws`)
    api.socket.send('ping')
    expect(await api.waitFor((message) => message === 'ping')).toBe('ping')
    const hmr = await connectWebSocket(`${wsUrl}/`, 'vite-hmr')
    await hmr.waitFor(isHmrMessage('connected'))

    // No URLs to wait for: the table is printed when the server is configured.
    expect(lines.some((line) => line.message.startsWith('[sameorigin] routes (first match wins):'))).toBe(
      true,
    )
  })

  it('serves the inspector and adds the report client to pages, after a restart too', async () => {
    const upstream = await upstreamForTest()
    const { vite: app, url, lines } = await startApp(vite, upstream)
    const tag = '<script src="/__sameorigin/report-client.js"></script>'

    expect((await request(`${url}/api/x`)).status).toBe(200)
    const list = JSON.parse((await request(`${url}/__sameorigin/api/exchanges`)).body) as {
      exchanges: { url: string }[]
    }
    expect(list.exchanges.map((exchange) => exchange.url)).toEqual(['/api/x'])
    expect((await request(`${url}/`, { headers: { accept: 'text/html' } })).body).toContain(tag)
    // The server's URL is the user's: no inspector address is printed.
    expect(lines.some((line) => line.message.includes('inspector:'))).toBe(false)

    await app.restart!()
    expect((await request(`${url}/`, { headers: { accept: 'text/html' } })).body).toContain(tag)
    expect((await request(`${url}/__sameorigin/`)).body).toContain('<title>sameorigin inspector</title>')
  })

  it('closes the engine and stops taking upgrades when Vite closes', async () => {
    const upstream = await upstreamForTest()
    const { vite: app, url, server } = await startApp(vite, upstream)
    expect((await request(`${url}/api/x`)).status).toBe(200)
    const api = await connectWebSocket(`${url.replace('http:', 'ws:')}/api/ws`)
    api.socket.send('ping')
    await api.waitFor((message) => message === 'ping')
    const listeners = server.listenerCount('upgrade')

    await app.close()
    await vi.waitFor(() => expect(upstream.openConnections).toBe(0))
    expect(server.listenerCount('upgrade')).toBeLessThan(listeners)
  })

  it('keeps proxying after Vite’s restart, which closes the old server’s engine only', async () => {
    const upstream = await upstreamForTest()
    const { vite: app, url } = await startApp(vite, upstream)
    // Inline plugins: the restarted server runs the same plugin instance as the old one, whose
    // pipeline Vite closes after building the new server.
    await app.restart!()
    expect(JSON.parse((await request(`${url}/api/x`)).body)).toMatchObject({ path: '/api/x' })
    const api = await connectWebSocket(`${url.replace('http:', 'ws:')}/api/ws`)
    api.socket.send('ping')
    expect(await api.waitFor((message) => message === 'ping')).toBe('ping')
  })
})

describe('vite 8 in middleware mode with server.ws.server', () => {
  it('proxies websockets through the server given as ws.server, next to HMR', async () => {
    const upstream = await upstreamForTest()
    const { url } = await startApp(VITES[0]!.vite, upstream, 'ws')
    const wsUrl = url.replace('http:', 'ws:')
    const api = await connectWebSocket(`${wsUrl}/api/ws`)
    api.socket.send('ping')
    expect(await api.waitFor((message) => message === 'ping')).toBe('ping')
    const hmr = await connectWebSocket(`${wsUrl}/`, 'vite-hmr')
    await hmr.waitFor(isHmrMessage('connected'))
  })
})
