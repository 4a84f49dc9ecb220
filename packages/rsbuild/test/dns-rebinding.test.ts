// DNS rebinding (CWE-350): a page on an attacker's domain that resolves to 127.0.0.1 is same-origin
// with `http://evil.example:<port>` and could read the backend's answers through the proxy. Rsbuild
// checks no Host by default (`server.allowedHosts: true`), so the plugin keeps the engine's own check
// for proxied routes unless the config itself says `true`, and follows a list when there is one.
import { sendRaw, startUpstream } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { RSBUILDS, SERVERS } from './_rsbuild.ts'

const get = (port: number, host: string, path = '/api/me'): Promise<string> =>
  sendRaw(
    port,
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
  )
const upgrade = (port: number, host: string): Promise<string> =>
  sendRaw(
    port,
    `GET /api/ws HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
  )
const status = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1])

describe.each(RSBUILDS)('$name', ({ rsbuild }) => {
  describe.each(SERVERS)('rsbuild $name', ({ start }) => {
    it('refuses proxied requests and upgrades naming a foreign Host when allowedHosts is not set', async () => {
      const upstream = await startUpstream({ websocket: () => {} })
      onTestFinished(() => upstream.close())
      const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
      const { port } = await start({ rsbuild, root: createFixture(), plugins })

      expect(status(await get(port, `evil.example:${port}`))).toBe(403)
      expect(status(await upgrade(port, `evil.example:${port}`))).toBe(403)
      expect(upstream.connections).toBe(0)
      expect(status(await get(port, `localhost:${port}`))).toBe(200)
    })

    it('follows a server.allowedHosts list, and allows any host when the config says true', async () => {
      const upstream = await startUpstream()
      onTestFinished(() => upstream.close())
      const plugins = [pluginSameOrigin({ routes: { '/api': upstream.url } })]
      const listed = await start({
        rsbuild,
        root: createFixture(),
        plugins,
        server: { allowedHosts: ['.example.test'] },
      })
      expect(status(await get(listed.port, 'dev.example.test'))).toBe(200)
      expect(status(await get(listed.port, 'other.example'))).toBe(403)
      // Rsbuild's own upgrade check refuses the same socket after the engine did: one answer, no crash.
      expect(status(await upgrade(listed.port, 'other.example'))).toBe(403)
      expect(status(await get(listed.port, 'dev.example.test'))).toBe(200)

      const open = await start({ rsbuild, root: createFixture(), plugins, server: { allowedHosts: true } })
      expect(status(await get(open.port, 'other.example'))).toBe(200)
    })
  })
})
