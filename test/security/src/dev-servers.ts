import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger, UserConfig } from '@sameorigin/core'
import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'
import { sameorigin } from '@sameorigin/vite'
import { TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import { createServer } from 'vite'

/** The dev servers the hostile tables run against. */
export type HostName = 'core-server' | 'vite-dev'

/** Every host, in the order tables run them. */
export const HOST_NAMES: readonly HostName[] = ['core-server', 'vite-dev']

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
   * host's) has run, since this one is added last.
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
 * Starts `name` with `config`: the core's stand-alone server (`createProxyServer` + `listen`), or
 * Vite 8's dev server with `@sameorigin/vite`, each as a user would run it (with `http2`: over TLS,
 * `createProxyServer`'s `https` and Vite's `server.https`). Vite gets
 * `appType: 'custom'`, so a request no route takes gets Vite's plain 404 rather than the SPA's
 * index.html, and the two hosts' answers can be compared.
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
    const server = createProxyServer(resolveConfig(config, { env: {} }), { logger: logs, env: {}, https })
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
