import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RsbuildConfig, RsbuildPlugin } from '@rsbuild/core'
import { createLogger, createRsbuild } from '@rsbuild/core'
import type { UserConfig } from '@sameorigin/core'
import { captureLogs } from '../src/capture-logs.ts'
import { copyFixture } from '../src/copy-fixture.ts'
import type { CapturedLogs, HmrSocket, Host } from '../src/types.ts'
import { defineHost, NO_SERVER_RENDERING } from '../src/types.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'

/**
 * The Rsbuild config both Rsbuild hosts start from: the fixture's `index.html` as the page template
 * with an empty entry (Rsbuild builds JavaScript entries; the fixture has none), 127.0.0.1 on a free
 * port, Rsbuild's logger writing into `logs`, and `pluginSameOrigin(config)` loaded from its `dist`
 * when a host starts (so the other hosts run without it built). With `http2`, `server.https`: Rsbuild
 * then serves HTTP/2 (and HTTP/1.1) over TLS (`http2.createSecureServer` with `allowHTTP1`).
 */
export async function rsbuildConfig(
  root: string,
  logs: CapturedLogs & Pick<Console, 'info' | 'warn' | 'error'>,
  config: UserConfig,
  extra: { mode: 'development' | 'production'; http2: boolean; plugins?: RsbuildPlugin[] },
): Promise<RsbuildConfig> {
  await mkdir(join(root, 'src'), { recursive: true })
  await writeFile(join(root, 'src', 'index.js'), '')
  const { pluginSameOrigin } = await import('@sameorigin/rsbuild')
  return {
    // Set, not left to NODE_ENV (vitest's `test` is Rsbuild's `none`), as `rsbuild dev` / `preview` would.
    mode: extra.mode,
    source: { entry: { index: './src/index.js' } },
    html: { template: './index.html' },
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: true,
      ...(extra.http2 ? { https: TLS_OPTIONS } : {}),
    },
    performance: { printFileSize: false },
    customLogger: createLogger({ console: { log: logs.info, warn: logs.warn, error: logs.error } }),
    // `configFile: false`: the scenario's config is all there is, as in the core-server host.
    plugins: [pluginSameOrigin({ configFile: false, ...config }), ...(extra.plugins ?? [])],
  }
}

/** Records the token Rsbuild's HMR client sends (`/rsbuild-hmr?token=`); the page's script knows it. */
function captureHmrToken(): { plugin: RsbuildPlugin; token: () => string | undefined } {
  let token: string | undefined
  return {
    plugin: {
      name: 'conformance:hmr-token',
      setup(api) {
        api.onBeforeStartDevServer(({ environments }) => {
          token = Object.values(environments)[0]?.webSocketToken
        })
      },
    },
    token: () => token,
  }
}

/** What Rsbuild's client opens: `dev.client.path` with the environment's token, no subprotocol. */
function toHmrSocket(port: number, http2: boolean, token: string): HmrSocket {
  return {
    url: socketUrl(port, http2, `/rsbuild-hmr?token=${token}`),
    // A new client gets the build's `hash`, then `ok`; an edit of the HTML template sends `full-reload`.
    messages: { connected: 'hash', reload: 'full-reload' },
  }
}

/** `rsbuild dev`: `createRsbuild(...).startDevServer()` with `pluginSameOrigin(config)`, serving a copy of the fixture. */
export const rsbuildDev: Host = defineHost({
  name: 'rsbuild-dev',
  capabilities: { ws: true, hmr: true, ssr: NO_SERVER_RENDERING },
  async start(fixtureDir, config, options) {
    const fixture = await copyFixture(fixtureDir)
    const logs = captureLogs()
    const hmr = captureHmrToken()
    try {
      const rsbuild = await createRsbuild({
        cwd: fixture.dir,
        config: await rsbuildConfig(fixture.dir, logs, config, {
          mode: 'development',
          http2: options.http2,
          plugins: [hmr.plugin],
        }),
      })
      const { server, port } = await rsbuild.startDevServer({ getPortSilently: true })
      return {
        url: hostUrl(port, options.http2),
        port,
        root: fixture.dir,
        logs,
        hmr: toHmrSocket(port, options.http2, hmr.token() ?? ''),
        close: async () => {
          await server.close()
          await fixture.remove()
        },
      }
    } catch (error) {
      await fixture.remove()
      throw error
    }
  },
})
