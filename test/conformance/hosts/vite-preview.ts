import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { preview } from 'vite'
import { inject } from 'vitest'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { hostUrl, TLS_OPTIONS } from './tls.ts'
import { loadSameorigin, toViteLogger } from './vite-shared.ts'

/**
 * `vite preview`: Vite 8's `preview` with `sameorigin(config)`, serving the fixture's build. The
 * build runs once per test run, in `src/global-setup.ts` (`hosts/build-fixture.ts`).
 */
export const vitePreview: Host = defineHost({
  name: 'vite-preview',
  capabilities: {
    ssr: NO_SERVER_RENDERING,
    ws: true,
    hmr: '`vite preview` serves a build: there is no HMR websocket',
  },
  async start(fixtureDir, config, options) {
    const root = inject('previewBuilds')[fixtureDir]
    if (root === undefined)
      throw new Error(`No build of ${fixtureDir}: src/global-setup.ts builds fixtures/*.`)
    const logs = captureLogs()
    const server = await preview({
      root,
      configFile: false,
      envFile: false,
      appType: 'spa',
      clearScreen: false,
      customLogger: toViteLogger(logs),
      build: { outDir: join(root, 'dist') },
      preview: {
        host: '127.0.0.1',
        port: 0,
        strictPort: true,
        // Vite serves HTTP/2 (and HTTP/1.1) over TLS when `preview.https` is set and `preview.proxy` is empty.
        ...(options.http2 ? { https: TLS_OPTIONS } : {}),
      },
      plugins: [await loadSameorigin(config)],
    })
    const { port } = server.httpServer.address() as AddressInfo
    return { url: hostUrl(port, options.http2), port, root, logs, close: () => server.close() }
  },
})
