import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as vite8 from 'vite'
import type { Connect, Logger, Plugin } from 'vite'
import * as vite6 from 'vite6'
import * as vite7 from 'vite7'
import { onTestFinished } from 'vitest'

/** One line Vite's logger was asked to print. */
export interface LogLine {
  readonly level: 'info' | 'warn' | 'error'
  readonly message: string
  /** Whether Vite was asked to print its time and `[vite]` tag before the line. */
  readonly timestamp: boolean
}

/** The part of a Vite dev or preview server the tests use; the same in Vite 6, 7 and 8. */
export interface TestServer {
  readonly httpServer: HttpServer | null
  readonly middlewares: Connect.Server
  readonly config: {
    readonly server: { readonly proxy?: Record<string, unknown> }
    /** What Vite's client sends to open the HMR socket (dev only). */
    readonly webSocketToken: string
  }
  readonly environments?: { readonly client: { transformRequest: (url: string) => Promise<unknown> } }
  printUrls: () => void
  close: () => Promise<void>
  /** Dev only: what Vite does when `vite.config.*` or one of its env files changes. */
  restart?: () => Promise<void>
}

/** The part of Vite's module API the tests use. */
export interface ViteApi {
  readonly version: string
  createServer: (config: Record<string, unknown>) => Promise<TestServer & { listen: () => Promise<unknown> }>
  preview: (config: Record<string, unknown>) => Promise<TestServer>
  build: (config: Record<string, unknown>) => Promise<unknown>
}

// The three majors' config and server types differ in details these tests never touch (plugin
// hook signatures, environment APIs), so each module is used through the shape above.
export const VITES: readonly { readonly name: string; readonly vite: ViteApi }[] = [
  { name: `vite ${vite8.version}`, vite: vite8 as unknown as ViteApi },
  { name: `vite ${vite7.version}`, vite: vite7 as unknown as ViteApi },
  { name: `vite ${vite6.version}`, vite: vite6 as unknown as ViteApi },
]
export const VITE8: ViteApi = VITES[0]!.vite

/** A Vite logger that records what it is asked to print instead of printing it. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const warned = new Set<string>()
  const logger: Logger = {
    hasWarned: false,
    info: (message, options) => void lines.push({ level: 'info', message, timestamp: !!options?.timestamp }),
    warn: (message, options) => {
      logger.hasWarned = true
      lines.push({ level: 'warn', message, timestamp: !!options?.timestamp })
    },
    warnOnce: (message) => {
      if (warned.has(message)) return
      warned.add(message)
      logger.warn(message)
    },
    error: (message, options) =>
      void lines.push({ level: 'error', message, timestamp: !!options?.timestamp }),
    clearScreen: () => {},
    hasErrorLogged: () => false,
  }
  return { logger, lines }
}

/** Options of {@link startDev} and {@link startPreview}: Vite inline config plus the plugins under test. */
export interface StartOptions {
  readonly root: string
  readonly plugins: readonly Plugin[]
  /** Merged into `server` (dev) or `preview` (preview). */
  readonly server?: Record<string, unknown>
  /** Other top-level Vite options (`base`, `mode`, ...). */
  readonly config?: Record<string, unknown>
}

/** A listening Vite server on 127.0.0.1 port 0, closed when the test finishes. */
export interface Started {
  readonly server: TestServer
  readonly url: string
  readonly port: number
  readonly lines: LogLine[]
}

function baseConfig(options: StartOptions, logger: Logger): Record<string, unknown> {
  return {
    root: options.root,
    configFile: false,
    customLogger: logger,
    clearScreen: false,
    // No dependency scan in a project without dependencies.
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: options.plugins,
    ...options.config,
  }
}

function toStarted(server: TestServer, lines: LogLine[]): Started {
  const { port } = server.httpServer!.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}`, port, lines }
}

/** Starts `vite dev` (createServer + listen). */
export async function startDev(vite: ViteApi, options: StartOptions): Promise<Started> {
  const { logger, lines } = captureLogger()
  const server = await vite.createServer({
    ...baseConfig(options, logger),
    server: { host: '127.0.0.1', port: 0, ...options.server },
  })
  onTestFinished(() => server.close())
  await server.listen()
  return toStarted(server, lines)
}

/** Starts `vite preview` serving the fixture's `dist/`. */
export async function startPreview(vite: ViteApi, options: StartOptions): Promise<Started> {
  const { logger, lines } = captureLogger()
  const server = await vite.preview({
    ...baseConfig(options, logger),
    preview: { host: '127.0.0.1', port: 0, ...options.server },
  })
  onTestFinished(() => server.close())
  return toStarted(server, lines)
}
