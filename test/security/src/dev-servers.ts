import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger, UserConfig } from '@sameorigin/core'
import { createProxyServer, listen, resolveConfig } from '@sameorigin/core'
import { sameorigin } from '@sameorigin/vite'
import { createServer } from 'vite'

/** The dev servers the hostile tables run against. */
export type HostName = 'core-server' | 'vite-dev'

/** Every host, in the order tables run them. */
export const HOST_NAMES: readonly HostName[] = ['core-server', 'vite-dev']

/** A dev server with sameorigin mounted, listening on 127.0.0.1. */
export interface DevServer {
  readonly name: HostName
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
 * Vite 8's dev server with `@sameorigin/vite`, each as a user would run it. Vite gets
 * `appType: 'custom'`, so a request no route takes gets Vite's plain 404 rather than the SPA's
 * index.html, and the two hosts' answers can be compared.
 */
export async function startDevServer(name: HostName, config: UserConfig): Promise<DevServer> {
  const logs = captureLogs()
  if (name === 'core-server') {
    // `env: {}`: no HTTPS_PROXY from the machine running the tests can change where requests go.
    const server = createProxyServer(resolveConfig(config, { env: {} }), { logger: logs, env: {} })
    const listening = await listen(server)
    return {
      name,
      port: listening.port,
      nextUpgrade: upgradeWatch(server),
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
    server: { host: '127.0.0.1', port: 0, strictPort: true },
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
    port,
    nextUpgrade: upgradeWatch(httpServer),
    logs: logs.lines,
    close: async () => {
      await vite.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}
