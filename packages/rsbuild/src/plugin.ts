import type { NormalizedConfig, RsbuildPlugin, RsbuildPluginAPI } from '@rsbuild/core'
import type { ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import {
  createLogger,
  followReportClient,
  loadHostConfig,
  printStartup,
  toHostLogger,
  watchConfig,
} from '@sameorigin/core'
import { addReportClient } from './add-report-client.ts'
import { findProxyOverlaps } from './find-proxy-overlaps.ts'
import type { RsbuildServer } from './mount-proxy.ts'
import { mountProxy } from './mount-proxy.ts'
import { toRsbuildLogger } from './to-rsbuild-logger.ts'
import { toServerUrl } from './to-server-url.ts'

/** The plugin's `name`, for `isPluginExists` and `addPlugins({ before })`. */
export const PLUGIN_SAMEORIGIN_NAME = 'sameorigin:proxy'

/**
 * The sameorigin Rsbuild plugin: `rsbuild dev` and `rsbuild preview` forward the routes of
 * `sameorigin.config.*` (and of `options`, merged over the file) to the backend, so the browser only
 * ever talks to the dev server's origin.
 *
 * The config is loaded once per server, just before it starts (for `rsbuild dev`, as Rsbuild resolves
 * its own config; root: Rsbuild's root; mode: Rsbuild's
 * `mode`); an invalid config fails the start with every problem listed. `rsbuild build` never loads it.
 * While the server runs, an edit of the config file or of an env file it reads serves the next
 * request, with one line through Rsbuild's logger; a bad edit is printed once and the last good
 * config keeps serving (`watchConfig`). The watcher stops with the server (`onCloseDevServer`, the
 * preview server's `close`). Both servers serve the inspector at `/__sameorigin/` (its address
 * printed under the route table), and `rsbuild dev` bundles the report client before the entries
 * (`addReportClient`), unless the config says `inspector: false`.
 * @example
 * // rsbuild.config.ts
 * import { defineConfig } from '@rsbuild/core'
 * import { pluginReact } from '@rsbuild/plugin-react'
 * import { pluginSameOrigin } from '@sameorigin/rsbuild'
 *
 * export default defineConfig({ plugins: [pluginReact(), pluginSameOrigin()] })
 */
export function pluginSameOrigin(options: SameOriginOptions = {}): RsbuildPlugin {
  return {
    name: PLUGIN_SAMEORIGIN_NAME,
    setup(api) {
      // One slot per server kind: an Rsbuild instance runs at most one dev and one preview server.
      const started = { dev: undefined as Started | undefined, preview: undefined as Started | undefined }
      // `rsbuild dev` reads the config once: for the report client's entry, then for the server.
      let devConfig: Promise<ResolvedConfig> | undefined
      const loadDev = (mode: string): Promise<ResolvedConfig> =>
        (devConfig ??= loadHostConfig(options, { root: api.context.rootPath, mode }))
      addReportClient(api, loadDev)

      const start = async (server: RsbuildServer, kind: 'dev' | 'preview'): Promise<void> => {
        const config = api.getNormalizedConfig()
        const host = { root: api.context.rootPath, mode: config.mode }
        const resolved = await (kind === 'dev' ? loadDev(config.mode) : loadHostConfig(options, host))
        // As written (before defaults): only there does an explicit `allowedHosts: true` differ from the default.
        const written = api.getRsbuildConfig('original')
        const logger = toRsbuildLogger(api.logger)
        const mounted = mountProxy(server, { resolved, kind, config, written, logger })
        // An edit of the config file, or of an env file it reads, serves the next request.
        // `rsbuild dev` bundled the report client (or not) as it started: say when the page no longer follows.
        const apply =
          kind === 'dev'
            ? followReportClient(
                { bundled: resolved.inspector !== false, current: resolved, logger, restart: 'rsbuild dev' },
                mounted.update,
              )
            : mounted.update
        const watcher = watchConfig(options, { ...host, current: resolved, logger, apply })
        const close = async (): Promise<void> => {
          await watcher.close()
          await mounted.close()
        }
        started[kind] = {
          resolved,
          close,
          overlaps: findProxyOverlaps(resolved, config.server.proxy),
          serverUrl: () => serverUrlOf(server, config),
        }
        // The server starts once the files are watched: from then on, no edit goes unseen.
        await watcher.ready
      }
      const stop = async (kind: 'dev' | 'preview'): Promise<void> => {
        const running = started[kind]
        started[kind] = undefined
        // A dev server started again reads the config again.
        if (kind === 'dev') devConfig = undefined
        await running?.close()
      }

      api.onBeforeStartDevServer(({ server }) => start(server, 'dev'))
      api.onBeforeStartPreviewServer(async ({ server }) => {
        await start(server, 'preview')
        // `onClosePreviewServer` only exists since Rsbuild 2.3; the preview server always has an http
        // server, whose `close` is what `server.close()` (and Ctrl-C) ends with in every 2.x.
        server.httpServer?.once('close', () => void stop('preview'))
      })
      api.onCloseDevServer(() => stop('dev'))
      registerStartupOutput(api, started)
    },
  }
}

/** One mounted engine. */
interface Started {
  readonly resolved: ResolvedConfig
  readonly close: () => Promise<void>
  readonly overlaps: ReturnType<typeof findProxyOverlaps>
  /** Where the server is, for the inspector's address. */
  readonly serverUrl: () => string
}

/**
 * The server's local URL: the port it listens on (Rsbuild before 2.3 reports a `port: 0` as 0), else
 * the port Rsbuild chose, which `rsbuild dev` prints before it listens.
 */
function serverUrlOf(server: RsbuildServer, config: NormalizedConfig): string {
  const address = server.httpServer?.address()
  const port = typeof address === 'object' && address !== null ? address.port : server.port
  return toServerUrl({ host: config.server.host, port, https: Boolean(config.server.https) })
}

/**
 * Prints the route table right after Rsbuild's URLs. `rsbuild dev` prints them in its own
 * `onBeforeCreateCompiler` callback, registered when the server is created; a `post` callback runs
 * after it. `rsbuild preview` prints them synchronously right after awaiting the
 * `onAfterStartPreviewServer` callbacks, so a callback that defers to the next macrotask prints after
 * them. Neither hook exposes the URL printing itself (`server.printUrls` is not what Rsbuild calls).
 */
function registerStartupOutput(
  api: RsbuildPluginAPI,
  started: { readonly dev: Started | undefined; readonly preview: Started | undefined },
): void {
  const print = (running: Started | undefined): void => {
    if (running === undefined) return
    // The table sits under Rsbuild's URLs, which rslog prints with its plain `log`, without the `info` label.
    const { logger } = api
    const log = createLogger(running.resolved.logLevel, {
      logger: toHostLogger(({ level, message, args }) =>
        level === 'info' ? logger.log(message, ...args) : logger[level](message, ...args),
      ),
    })
    const { resolved, overlaps } = running
    const serverUrl = running.serverUrl()
    printStartup(log, {
      resolved,
      overlaps,
      serverUrl,
      proxyOption: 'server.proxy',
      proxyName: "Rsbuild's proxy",
    })
  }
  // onBeforeCreateCompiler also runs for builds: only a started dev server has something to print.
  api.onBeforeCreateCompiler({ order: 'post', handler: () => print(started.dev) })
  api.onAfterStartPreviewServer(() => void setImmediate(() => print(started.preview)))
}
