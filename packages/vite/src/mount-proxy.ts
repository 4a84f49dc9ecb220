import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { HostLogLine, ResolvedConfig } from '@sameorigin/core'
import { createLogger, createProxy, printStartup, toHostLogger } from '@sameorigin/core'
import type { PreviewServer, Logger as ViteLogger, ViteDevServer } from 'vite'
import { findProxyOverlaps } from './find-proxy-overlaps.ts'
import { findHmrServer, isViteClientUpgrade, toHmrPaths } from './hmr.ts'
import { placeProxyMiddleware } from './place-proxy-middleware.ts'

/** Options for {@link mountProxy}. */
export interface MountProxyOptions {
  /** The config resolved for this server in `configResolved`. */
  readonly resolved: ResolvedConfig
  /** `vite dev` has HMR and `server.proxy`; `vite preview` has neither HMR nor `server.*`. */
  readonly kind: 'dev' | 'preview'
  /**
   * Receives the engine's cleanup when the server has no http server whose `close` event tells when
   * it stops (middleware mode); the plugin runs it when Vite closes.
   */
  readonly onClose: (cleanup: () => void) => void
}

/**
 * Writes the core's lines to Vite's logger (`config.logger`), which takes one message and options.
 * `timestamp` prints Vite's time and `[vite]` tag before the line, as Vite does for its own runtime
 * messages (proxy errors, HMR updates); the startup lines, under Vite's URLs, go without. Extra
 * arguments are dropped, except an `Error` given to `error`, which goes to Vite as `{ error }` so Vite
 * knows it has been logged.
 */
function writeTo(logger: ViteLogger, { timestamp }: { timestamp: boolean }): (line: HostLogLine) => void {
  return ({ level, message, error }) => {
    if (level === 'error') logger.error(String(message), { timestamp, error: error ?? null })
    else logger[level](String(message), { timestamp })
  }
}

/**
 * Mounts one proxy engine in a Vite dev or preview server: the middleware placed after Vite's host
 * check and before its CORS handling (see `placeProxyMiddleware`), the WebSocket upgrades Vite does
 * not serve itself, the route table printed after Vite's URLs, and the engine closed with the server.
 * Routes match the request path as received, before Vite strips `base`, as Vite's own `server.proxy`
 * keys do.
 * @returns the post hook for `configureServer` / `configurePreviewServer`: it places the middleware
 * again once Vite has installed all of its own. Vite 7 and 8 install their guards and CORS before the
 * hooks run, Vite 6 after them; placing at both times (placement is idempotent) covers both orders.
 */
export function mountProxy(server: ViteDevServer | PreviewServer, options: MountProxyOptions): () => void {
  const { config } = server
  const { resolved, kind } = options
  const hostOptions = kind === 'dev' ? config.server : config.preview
  const engine = createProxy(resolved, {
    logger: toHostLogger(writeTo(config.logger, { timestamp: true })),
    hmrPaths: kind === 'dev' ? toHmrPaths(config) : [],
    // Vite's own DNS-rebinding setting (its resolved list already holds server.host and origin).
    // Vite checks HTTP requests itself, but not WebSocket upgrades it does not serve, so the engine
    // checks both. Like Vite, no check over https: a rebinding page cannot present the certificate.
    allowedHosts: hostOptions.https ? true : hostOptions.allowedHosts,
  })

  const place = (): void => placeProxyMiddleware(server.middlewares.stack, engine.middleware)
  server.middlewares.use(engine.middleware)
  place()

  // In middleware mode Vite has no http server; upgrades reach the one the user gave for HMR.
  const upgradeServer = server.httpServer ?? findHmrServer(config)
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Vite's HMR and ping sockets are Vite's, whatever path a catch-all route would match.
    if (!isViteClientUpgrade(req)) engine.upgrade(req, socket, head)
  }
  upgradeServer?.on('upgrade', onUpgrade)

  const proxyOption = kind === 'dev' ? 'server.proxy' : 'preview.proxy'
  const vitePaths = kind === 'dev' ? config.server.proxy : config.preview.proxy
  const overlaps = findProxyOverlaps(resolved, vitePaths)
  const report = { resolved, overlaps, proxyOption, proxyName: "Vite's proxy" }
  const log = createLogger(resolved.logLevel, {
    logger: toHostLogger(writeTo(config.logger, { timestamp: false })),
  })
  if (server.httpServer === null) {
    // Middleware mode prints no URLs (Vite throws if asked to), so there is nothing to wait for.
    printStartup(log, report)
  } else {
    const printUrls = server.printUrls
    server.printUrls = function printUrlsAndRoutes(this: unknown) {
      printUrls.call(this)
      printStartup(log, report)
    }
  }

  const cleanup = (): void => {
    upgradeServer?.off('upgrade', onUpgrade)
    void engine.close()
  }
  if (server.httpServer === null) options.onClose(cleanup)
  else server.httpServer.once('close', cleanup)
  return place
}
