import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { SameOriginOptions, UserConfig } from '@sameorigin/core'
import type { FixtureCopy } from '../src/copy-fixture.ts'
import { copyFixture } from '../src/copy-fixture.ts'
import { captureLogs } from '../src/capture-logs.ts'
import type { CapturedLogs, StartedHost, StartOptions } from '../src/types.ts'
import { hostUrl, socketUrl, TLS_OPTIONS } from './tls.ts'

// What the webpack-family hosts (webpack-dev-server 5 and 6, Rspack) share: the project they compile,
// their dev server options and where their log lines go.

/** The dev servers' client socket, as `StartedHost.hmr` describes it. */
export interface WebpackHmrSocket {
  readonly url: string
  /** No subprotocol: the dev servers' clients ask for none. */
  readonly protocol: ''
  /**
   * The `type` of the first message (`hot`: HMR is on) and of the one sent when a static file
   * changes (`static-changed`: the page reloads); the same in webpack-dev-server 5 and 6 and
   * @rspack/dev-server 2. (Vite's are `connected` and `full-reload`.)
   */
  readonly messages: { readonly connected: 'hot'; readonly reload: 'static-changed' }
}

/** What the dev servers' client opens: `/ws` on the dev server (`wss:` over TLS), no subprotocol. */
export function toHmrSocket(port: number, http2 = false): WebpackHmrSocket {
  return {
    url: socketUrl(port, http2, '/ws'),
    protocol: '',
    messages: { connected: 'hot', reload: 'static-changed' },
  }
}

/** A copy of the fixture with a tiny entry module, served as a webpack / Rspack project. */
export async function copyWebpackProject(fixtureDir: string): Promise<FixtureCopy> {
  const fixture = await copyFixture(fixtureDir)
  await writeFile(join(fixture.dir, 'index.js'), "document.documentElement.dataset.bundle = 'loaded'\n")
  return fixture
}

/**
 * The `devServer` options every webpack-family host uses: 127.0.0.1 on a random port, the fixture as
 * static files (watched, so editing `index.html` reloads the page), nothing opened, compression and
 * every other default left as users get them. With `http2`, `server: { type: 'http2' }`: Node's
 * `http2.createSecureServer` with `allowHTTP1`, in all three dev servers.
 */
export function toDevServerOptions(dir: string, http2 = false): Record<string, unknown> {
  return {
    host: '127.0.0.1',
    port: 0,
    static: { directory: dir, watch: true },
    open: false,
    ...(http2 ? { server: { type: 'http2', options: TLS_OPTIONS } } : {}),
  }
}

/** The project config around the dev server: the fixture's entry, compiled in development mode. */
export function toProjectConfig(dir: string): { mode: 'development'; context: string; entry: string } {
  return { mode: 'development', context: dir, entry: './index.js' }
}

const line = (...args: unknown[]): string => args.map(String).join(' ')

/**
 * A console for `infrastructureLogging.console`: webpack and Rspack print the dev server's and the
 * plugin's lines through it, so the plugin's `[sameorigin]` lines land in the host's `logs`.
 */
export function toInfrastructureConsole(
  logs: CapturedLogs & Pick<Console, 'info' | 'warn' | 'error'>,
): Console {
  return {
    ...globalThis.console,
    log: (...args: unknown[]) => logs.info(line(...args)),
    info: (...args: unknown[]) => logs.info(line(...args)),
    warn: (...args: unknown[]) => logs.warn(line(...args)),
    error: (...args: unknown[]) => logs.error(line(...args)),
    debug: () => {},
  }
}

/**
 * The scenario's config as the adapter's options: the scenario's routes are all there is, unless it
 * names a config file itself (the reload scenario).
 */
export function toPluginOptions(config: UserConfig): SameOriginOptions {
  return { configFile: false, ...config }
}

/** The part of a webpack or Rspack compiler the in-process hosts use. */
interface CompilerLike {
  readonly options: { readonly devServer?: unknown }
  close: (callback: () => void) => void
}

/** The part of webpack-dev-server 5 and `RspackDevServer` the in-process hosts use. */
interface DevServerLike {
  start: () => Promise<void>
  stop: () => Promise<void>
  readonly server?: { address: () => unknown } | null
}

/** How one in-process host makes its compiler and its dev server; the rest is shared. */
export interface InProcessDevServer {
  /** The host's name, for errors. */
  readonly name: string
  /** `webpack(config)` or `rspack(config)`, with the plugin already in `config.plugins`. */
  readonly createCompiler: (config: Record<string, unknown>) => CompilerLike
  /** `new Server(devServer, compiler)`, as `webpack serve` and `rspack serve` do. */
  readonly createServer: (devServer: unknown, compiler: CompilerLike) => DevServerLike
  /**
   * `devServer.app` for HTTP/2, when the dev server's default app cannot serve it (webpack-dev-server:
   * Express replaces the request's prototype, which breaks Node's HTTP/2 requests; connect works).
   */
  readonly http2App?: () => unknown
}

/**
 * Starts a dev server in this process with `new SameOriginPlugin(config)` in the bundler config,
 * from `compiler.options.devServer` after the plugin was applied (as the CLIs do), serving a copy
 * of the fixture. Everything it started is stopped by `close`, or at once when starting fails.
 */
export async function startInProcessDevServer(
  host: InProcessDevServer,
  fixtureDir: string,
  config: UserConfig,
  { http2 }: StartOptions,
): Promise<StartedHost> {
  const { SameOriginPlugin } = await import('@sameorigin/webpack')
  const fixture = await copyWebpackProject(fixtureDir)
  const logs = captureLogs()
  const compiler = host.createCompiler({
    ...toProjectConfig(fixture.dir),
    devServer: {
      ...toDevServerOptions(fixture.dir, http2),
      ...(http2 && host.http2App ? { app: host.http2App } : {}),
    },
    plugins: [new SameOriginPlugin(toPluginOptions(config))],
    infrastructureLogging: { level: 'info', console: toInfrastructureConsole(logs) },
    stats: 'none',
  })
  const { devServer } = compiler.options
  if (!devServer) throw new Error(`${host.name}: the plugin left no devServer options`)
  const server = host.createServer(devServer, compiler)
  const close = async (): Promise<void> => {
    await server.stop()
    await new Promise<void>((resolve) => compiler.close(() => resolve()))
    await fixture.remove()
  }
  try {
    await server.start()
    const { port } = server.server!.address() as AddressInfo
    return {
      url: hostUrl(port, http2),
      port,
      root: fixture.dir,
      logs,
      hmr: toHmrSocket(port, http2),
      close,
    }
  } catch (error) {
    await close()
    throw error
  }
}
