// DNS rebinding through a proxied WebSocket. Vite checks the Host of HTTP requests itself
// (server.allowedHosts), but not of WebSocket upgrades it does not serve: those reach the plugin's
// upgrade listener. A page on an attacker's domain resolving to 127.0.0.1 could otherwise open
// /api/ws through the proxy and talk to the backend. The engine checks upgrades with Vite's own
// allowedHosts. See GHSA-vg6x-rcgg-rjx6.
import { sendRaw, startUpstream } from '@sameorigin/test-utils'
import { once } from 'node:events'
import { describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { startDev, startPreview, VITES } from './_vite.ts'

const upgrade = (host: string): string =>
  `GET /api/ws HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'

/** Opens a real WebSocket through the dev server with `host` in its Host header. */
async function opens(port: number, host: string): Promise<boolean> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, { headers: { host } })
  onTestFinished(() => socket.terminate())
  const [event] = await Promise.race([
    once(socket, 'open').then(() => ['open']),
    once(socket, 'unexpected-response'),
  ])
  return event === 'open'
}

describe.each(VITES)('$name', ({ vite }) => {
  it.each([
    ['dev', startDev],
    ['preview', startPreview],
  ] as const)('%s: refuses a WebSocket upgrade naming a host Vite does not allow', async (_kind, start) => {
    const upstream = await startUpstream({ websocket: () => {} })
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/api': { target: upstream.url, ws: true } } })]
    const { url } = await start(vite, { root: createFixture(), plugins })
    const port = Number(new URL(url).port)

    expect(await sendRaw(port, upgrade('attacker.example'))).toMatch(/^HTTP\/1\.1 403/)
    expect(upstream.connections).toBe(0) // refused before any upstream connection
    expect(await opens(port, `localhost:${port}`)).toBe(true)
  })

  it('follows server.allowedHosts for upgrades', async () => {
    const upstream = await startUpstream({ websocket: () => {} })
    onTestFinished(() => upstream.close())
    const plugins = [sameorigin({ routes: { '/api': { target: upstream.url, ws: true } } })]
    const { url } = await startDev(vite, {
      root: createFixture(),
      plugins,
      server: { allowedHosts: ['.example.test'] },
    })
    const port = Number(new URL(url).port)

    expect(await opens(port, 'dev.example.test')).toBe(true)
    expect(await opens(port, 'other.example')).toBe(false)
  })
})
