import { connectWebSocket, request, sendRaw, startUpstream } from '@sameorigin/test-utils'
import type { RsbuildPlugin } from '@rsbuild/core'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { RSBUILDS, SERVERS, startDev, startPreview } from './_rsbuild.ts'

async function echoUpstream() {
  const upstream = await startUpstream({
    websocket: (socket) => socket.on('message', (data) => socket.send(data)),
  })
  onTestFinished(() => upstream.close())
  return upstream
}

/** Records the token Rsbuild's HMR client sends (`?token=`), as the page's client script knows it. */
function hmrToken(): { plugin: RsbuildPlugin; token: () => string } {
  let token: string | undefined
  const plugin: RsbuildPlugin = {
    name: 'test:hmr-token',
    setup(api) {
      api.onBeforeStartDevServer(({ environments }) => {
        token = Object.values(environments)[0]?.webSocketToken
      })
    },
  }
  return { plugin, token: () => token ?? '' }
}

describe.each(RSBUILDS)('$name', ({ rsbuild }) => {
  describe('websockets', () => {
    it.each(SERVERS)('$name: proxies a websocket on a ws route', async ({ start }) => {
      const upstream = await echoUpstream()
      const { url } = await start({
        rsbuild,
        root: createFixture(),
        plugins: [pluginSameOrigin({ routes: { '/api': upstream.url } })],
      })
      const socket = await connectWebSocket(`${url.replace('http:', 'ws:')}/api/ws`)
      socket.socket.send('ping')
      expect(await socket.waitFor((message) => message === 'ping')).toBe('ping')
      expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/api/ws'])
    })

    it("dev: Rsbuild's HMR socket stays Rsbuild's under a catch-all ws route", async () => {
      const upstream = await echoUpstream()
      const { plugin, token } = hmrToken()
      const plugins = [pluginSameOrigin({ routes: { '/': { target: upstream.url, ws: true } } }), plugin]
      const { url } = await startDev({ rsbuild, root: createFixture(), plugins })

      const hmr = await connectWebSocket(`${url.replace('http:', 'ws:')}/rsbuild-hmr?token=${token()}`)
      // Rsbuild's socket server answers a new client with the build state (`hash`, then `ok`).
      await hmr.waitFor((message) => (JSON.parse(message) as { type?: string }).type === 'ok')
      const other = await connectWebSocket(`${url.replace('http:', 'ws:')}/socket`)
      other.socket.send('pong')
      await other.waitFor((message) => message === 'pong')
      expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/socket'])
    })

    it('dev: a custom dev.client.path is left to Rsbuild too', async () => {
      const upstream = await echoUpstream()
      const { plugin, token } = hmrToken()
      const plugins = [pluginSameOrigin({ routes: { '/': { target: upstream.url, ws: true } } }), plugin]
      const config = { dev: { client: { path: '/__hmr' } } }
      const { url } = await startDev({ rsbuild, root: createFixture(), plugins, config })

      const hmr = await connectWebSocket(`${url.replace('http:', 'ws:')}/__hmr?token=${token()}`)
      await hmr.waitFor((message) => (JSON.parse(message) as { type?: string }).type === 'ok')
      expect(upstream.requests).toEqual([])
    })
  })

  it('preview: an upgrade no route takes is refused, not left hanging', async () => {
    const upstream = await echoUpstream()
    const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
    const { port } = await startPreview({ rsbuild, root: createFixture(), plugins })
    // Nothing else listens for upgrades in `rsbuild preview` without a `ws` entry in server.proxy.
    const answer = await sendRaw(
      port,
      'GET /other HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    )
    expect(answer).toBe('')
    expect(upstream.connections).toBe(0)
  })

  describe.each(SERVERS)('rsbuild $name: closing the server closes the engine', ({ start }) => {
    it('no connection to the backend stays open', async () => {
      const upstream = await echoUpstream()
      const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
      const server = await start({ rsbuild, root: createFixture(), plugins })

      // A pooled keep-alive connection and a proxied websocket.
      expect((await request(`${server.url}/api/x`)).status).toBe(200)
      const socket = await connectWebSocket(`${server.url.replace('http:', 'ws:')}/api/ws`)
      socket.socket.send('ping')
      await socket.waitFor((message) => message === 'ping')
      expect(upstream.openConnections).toBe(2)

      await server.close()
      await vi.waitFor(() => expect(upstream.openConnections).toBe(0))
    })
  })
})
