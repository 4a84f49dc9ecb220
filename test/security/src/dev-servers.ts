import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger, UserConfig } from '@sameorigin/core'
import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'
import { createFetchProxy } from '@sameorigin/core/fetch'
import { sameorigin } from '@sameorigin/vite'
import { serveFetch, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import { createServer } from 'vite'
import { startAngularDev, startStorybookDev } from './child-dev-servers.ts'

/**
 * The dev servers the hostile tables run against: the core's stand-alone server and Vite dev (the
 * Node transport), the core's Fetch transport served on a real Node server (`fetch-transport`), and
 * two dev servers that run in a child process: `storybook dev` with `@sameorigin/storybook`
 * (`storybook-dev`) and `ng serve` with `@sameorigin/angular:dev-server` (`angular-dev`).
 */
export type HostName = 'core-server' | 'vite-dev' | 'fetch-transport' | 'storybook-dev' | 'angular-dev'

/** The in-process hosts, which every table runs (each starts in well under a second). */
export const HOST_NAMES: readonly HostName[] = ['core-server', 'vite-dev', 'fetch-transport']

/**
 * The child-process hosts: the Storybook addon (the engine at the http server's `request` level,
 * ahead of Storybook's polka app) and the Angular builder (the engine as the first extension
 * middleware of Angular's Vite server). Each takes 5 to 15 s to start, so the tables of the families
 * every new path through the engine must pass run them ({@link WITH_CHILD_HOSTS}), once per file.
 */
export const CHILD_HOST_NAMES: readonly HostName[] = ['storybook-dev', 'angular-dev']

/** Every host. */
export const WITH_CHILD_HOSTS: readonly HostName[] = [...HOST_NAMES, ...CHILD_HOST_NAMES]

/** Options for {@link startDevServer}. */
export interface StartDevServerOptions {
  /** Serve over TLS with HTTP/2 (and HTTP/1.1), with the test certificate. @default false */
  readonly http2?: boolean
}

/** A dev server with sameorigin mounted, listening on 127.0.0.1. */
export interface DevServer {
  readonly name: HostName
  /** `http://127.0.0.1:<port>`, or `https://` with `http2`. */
  readonly url: string
  readonly port: number
  /**
   * Resolves once the server has handled its next `upgrade` event: every listener (the engine's, the
   * host's) has run, since this one is added last. Rejects on `fetch-transport`, which takes no
   * upgrades (see {@link startDevServer}), and on the child-process hosts, whose server this process
   * cannot watch.
   */
  readonly nextUpgrade: () => Promise<void>
  /** What the server logged (sameorigin's lines and, for Vite, its own). */
  readonly logs: readonly { level: 'info' | 'warn' | 'error'; message: string }[]
  readonly close: () => Promise<void>
}

function captureLogs(): Logger & { lines: DevServer['logs'][number][] } {
  const lines: DevServer['logs'][number][] = []
  const push =
    (level: 'info' | 'warn' | 'error') =>
    (message?: unknown): void => {
      lines.push({ level, message: String(message) })
    }
  return { lines, info: push('info'), warn: push('warn'), error: push('error') }
}

function upgradeWatch(server: Server): DevServer['nextUpgrade'] {
  return async () => {
    await once(server, 'upgrade')
  }
}

/**
 * Starts `name` with `config`: the core's stand-alone server (`createProxyServer` + `listen`),
 * Vite 8's dev server with `@sameorigin/vite`, or `createFetchProxy` (`@sameorigin/core/fetch`, the
 * `node` condition: the Node upstream client) served by srvx (`serveFetch`), each as a user would run
 * it (with `http2`: over TLS, `createProxyServer`'s `https`, Vite's `server.https`, srvx's secure
 * server). Vite gets `appType: 'custom'`, so a request no route takes gets Vite's plain 404 rather
 * than the SPA's index.html; the Fetch host answers what the proxy leaves (`undefined`) with the
 * same plain 404, so the hosts' answers can be compared.
 */
export async function startDevServer(
  name: HostName,
  config: UserConfig,
  options: StartDevServerOptions = {},
): Promise<DevServer> {
  const logs = captureLogs()
  const https = options.http2 === true ? { cert: TEST_CERT, key: TEST_KEY } : undefined
  if (name === 'core-server') {
    // `env: {}`: no HTTPS_PROXY from the machine running the tests can change where requests go.
    // `inspector: true`, as every dev server runs it: its paths are part of what a page can reach.
    const server = createProxyServer(resolveConfig(config, { env: {} }), {
      logger: logs,
      env: {},
      https,
      inspector: true,
    })
    const listening = await listen(server)
    return {
      name,
      url: listening.url,
      port: listening.port,
      nextUpgrade: upgradeWatch(server as Server),
      logs: logs.lines,
      close: listening.close,
    }
  }
  if (name === 'fetch-transport') return startFetchHost(config, logs, options)
  if (name === 'storybook-dev') return startStorybookDev(config, options)
  if (name === 'angular-dev') return startAngularDev(config, options)
  const root = await mkdtemp(join(tmpdir(), 'sameorigin-security-'))
  const vite = await createServer({
    root,
    configFile: false,
    envFile: false,
    cacheDir: join(root, '.vite'),
    appType: 'custom',
    clearScreen: false,
    // With `https`, Vite serves HTTP/2 (and HTTP/1.1) over TLS.
    server: { host: '127.0.0.1', port: 0, strictPort: true, ...(https === undefined ? {} : { https }) },
    plugins: [sameorigin({ ...config, configFile: false })],
    customLogger: {
      hasWarned: false,
      info: (message) => logs.info(message),
      warn: (message) => logs.warn(message),
      warnOnce: (message) => logs.warn(message),
      error: (message) => logs.error(message),
      clearScreen: () => {},
      hasErrorLogged: () => false,
    },
  })
  try {
    await vite.listen()
  } catch (error) {
    await vite.close()
    await rm(root, { recursive: true, force: true })
    throw error
  }
  const httpServer = vite.httpServer as Server
  const { port } = httpServer.address() as AddressInfo
  return {
    name,
    url: `${https === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    port,
    nextUpgrade: upgradeWatch(httpServer),
    logs: logs.lines,
    close: async () => {
      await vite.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

/**
 * The Fetch transport on a real Node server. It takes no upgrades: the server has no `upgrade`
 * listener, so Node hands a handshake to the Fetch handler as a plain request (a Web `Request` cannot
 * be upgraded), and `nextUpgrade` rejects, since listening for `upgrade` would change that.
 */
async function startFetchHost(
  config: UserConfig,
  logs: ReturnType<typeof captureLogs>,
  options: StartDevServerOptions,
): Promise<DevServer> {
  // `env: {}`: no HTTPS_PROXY from the machine running the tests can change where requests go.
  const proxy = createFetchProxy(resolveConfig(config, { env: {} }), {
    logger: logs,
    env: {},
    inspector: true,
  })
  const served = await serveFetch(
    async (request) => {
      const response = await proxy(request, { clientAddress: request.ip })
      // What Vite's `appType: 'custom'` answers for a request nothing takes.
      return response ?? new Response('Not Found', { status: 404 })
    },
    // A row whose request keeps the connection alive (a WebSocket handshake, which this host answers
    // as a plain request) ends when the server closes the idle connection: soon, not after Node's 5 s.
    { http2: options.http2 === true, keepAliveTimeout: 300 },
  )
  return {
    name: 'fetch-transport',
    url: served.url,
    port: served.port,
    nextUpgrade: () => Promise.reject(new Error('the Fetch transport takes no upgrades')),
    logs: logs.lines,
    close: async () => {
      await proxy.close()
      await served.close()
    },
  }
}
