import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { ViteDevServer } from 'vite'
import { createServer } from 'vite'
import { captureLogs } from '../src/capture-logs.ts'
import { copyFixture } from '../src/copy-fixture.ts'
import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { loadSameorigin, toViteLogger } from './vite-shared.ts'

/** `vite` (dev): Vite 8's `createServer` with `sameorigin(config)`, serving a copy of the fixture. */
export const viteDev: Host = defineHost({
  name: 'vite-dev',
  capabilities: { ws: true, hmr: true },
  async start(fixtureDir, config) {
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
        server: { host: '127.0.0.1', port: 0, strictPort: true },
        plugins: [await loadSameorigin(config)],
      })
      await server.listen()
      if (server.httpServer === null) throw new Error('vite-dev: no http server (middleware mode?)')
      const { port } = server.httpServer.address() as AddressInfo
      const url = `http://127.0.0.1:${port}`
      const started = server
      return {
        url,
        port,
        root: fixture.dir,
        logs,
        // What `/@vite/client` opens: the base path, the `vite-hmr` subprotocol and the server's token.
        hmr: { url: `ws://127.0.0.1:${port}/?token=${server.config.webSocketToken}`, protocol: 'vite-hmr' },
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
