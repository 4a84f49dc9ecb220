import { createProxyServer, listen, loadHostConfig, watchConfig } from '@sameorigin/core'
import type { SameOriginOptions } from '@sameorigin/core'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'
import { TLS_OPTIONS } from './tls.ts'

/**
 * `@sameorigin/core`'s stand-alone server (`createProxyServer` + `listen`): the engine with no host
 * around it, so every other host can be compared with it. Unmatched requests get core's plain 404.
 * With `http2`, its `https` option: TLS, HTTP/2 and HTTP/1.1.
 */
export const coreServer: Host = defineHost({
  name: 'core-server',
  capabilities: {
    ssr: 'a stand-alone proxy: it renders no pages, so no server code fetches through it',
    ws: true,
    hmr: 'a plain Node server has no HMR websocket to coexist with',
  },
  async start(fixtureDir, config, options) {
    const logs = captureLogs()
    // The loading path the adapters take, with the scenario's config as the only source.
    const adapterOptions: SameOriginOptions = { configFile: false, ...config }
    const resolved = await loadHostConfig(adapterOptions, { root: fixtureDir })
    const https = options.http2 ? TLS_OPTIONS : undefined
    // The inspector on, as `sameorigin serve` runs it.
    const server = createProxyServer(resolved, { logger: logs, https, inspector: true })
    // Live reload as `sameorigin serve` wires it: the server's `update` fed by `watchConfig`.
    const watcher = watchConfig(adapterOptions, {
      root: fixtureDir,
      current: resolved,
      logger: logs,
      apply: (next) => server.update(next),
    })
    await watcher.ready
    const listening = await listen(server)
    const close = async (): Promise<void> => {
      await watcher.close()
      await listening.close()
    }
    return { url: listening.url, port: listening.port, root: fixtureDir, logs, close }
  },
})
