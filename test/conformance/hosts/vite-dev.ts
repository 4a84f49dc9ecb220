import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ViteDevServer } from 'vite'
import { createServer } from 'vite'
import { captureLogs } from '../src/capture-logs.ts'
import { copyFixture } from '../src/copy-fixture.ts'
import type { Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'
import { loadSameorigin, toViteLogger } from './vite-shared.ts'

/**
 * `vite` (dev): Vite 8's `createServer` with `sameorigin(config)`, serving a copy of the fixture. With
 * `http2`, `server.https`: Vite then serves HTTP/2 (and HTTP/1.1) over TLS, `server.proxy` being empty.
 */
export const viteDev: Host = defineHost({
  name: 'vite-dev',
  capabilities: { ws: true, hmr: true, ssr: NO_SERVER_RENDERING },
  async start(fixtureDir, config, options) {
    const fixture = await copyFixture(fixtureDir)
    const logs = captureLogs()
    let server: ViteDevServer | undefined
    try {
      server = await createServer({
        root: fixture.dir,
        configFile: false,
        envFile: false,
        cacheDir: join(fixture.dir, '.vite'),
        appType: 'spa',
        clearScreen: false,
        customLogger: toViteLogger(logs),
        server: {
          host: '127.0.0.1',
          port: 0,
          strictPort: true,
          ...(options.http2 ? { https: TLS_OPTIONS } : {}),
        },
        plugins: [await loadSameorigin(config)],
      })
      await server.listen()
      if (server.httpServer === null) throw new Error('vite-dev: no http server (middleware mode?)')
      const { port } = server.httpServer.address() as AddressInfo
      const url = hostUrl(port, options.http2)
      const started = server
      return {
        url,
        port,
        root: fixture.dir,
        logs,
        // What `/@vite/client` opens: the base path, the `vite-hmr` subprotocol and the server's token.
        hmr: {
          url: socketUrl(port, options.http2, `/?token=${server.config.webSocketToken}`),
          protocol: 'vite-hmr',
        },
        close: async () => {
          await started.close()
          await fixture.remove()
        },
      }
    } catch (error) {
      await server?.close()
      await fixture.remove()
      throw error
    }
  },
})
