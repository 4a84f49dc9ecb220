import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { LoadHostConfigOptions, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createProxy, refuseConnectOn, toHostLogger } from '@sameorigin/core'
import type { PreviewServer, ViteDevServer } from 'vite'
import { findHmrServer, isViteClientUpgrade, toHmrPaths } from './hmr.ts'
import { placeProxyMiddleware } from './place-proxy-middleware.ts'
import { printStartupAfterUrls } from './print-startup-after-urls.ts'
import { watchRoutes } from './watch-routes.ts'
import { writeToViteLogger } from './write-to-vite-logger.ts'

/** Options for {@link mountProxy}. */
export interface MountProxyOptions {
  /** The config resolved for this server in `configResolved`. */
  readonly resolved: ResolvedConfig
  /** The plugin's options and Vite's `root`, `mode` and `envDir`: what `resolved` was loaded from, watched for edits. */
  readonly source: { readonly options: SameOriginOptions; readonly host: LoadHostConfigOptions }
  /** `vite dev` has HMR and `server.proxy`; `vite preview` has neither HMR nor `server.*`. */
  readonly kind: 'dev' | 'preview'
  /** Receives each config the engine serves from now on (a live edit), for the hooks that read it. */
  readonly onUpdate?: (next: ResolvedConfig) => void
  /**
   * Receives the engine's cleanup when the server has no http server whose `close` event tells when
   * it stops (middleware mode); the plugin runs it when Vite closes.
   */
  readonly onClose: (cleanup: () => void) => void
}

/** What {@link mountProxy} gives the plugin's server hooks. */
export interface MountedProxy {
  /**
   * The post hook for `configureServer` / `configurePreviewServer`: it places the middleware again
   * once Vite has installed all of its own. Vite 7 and 8 install their guards and CORS before the
   * hooks run, Vite 6 after them; placing at both times (placement is idempotent) covers both orders.
   */
  readonly place: () => void
  /** Resolves once the config files are watched; the hooks wait for it, so no edit made after the server is up is missed. */
  readonly watching: Promise<void>
}

/**
 * Mounts one proxy engine in a Vite dev or preview server: the middleware placed after Vite's host
 * check and before its CORS handling (see `placeProxyMiddleware`), the WebSocket upgrades Vite does
 * not serve itself, `CONNECT` answered 405 (Vite has no `connect` listener, so Node would drop the
 * socket; a listener of the user's own keeps it, see `refuseConnectOn`), the route table printed
 * after Vite's URLs (with the inspector's address), the config watched for edits (see `watchRoutes`), and the engine and the watcher
 * closed with the server. Vite's `server.restart()` closes the old http server, so a restart (after a
 * `vite.config.*` edit) leaves nothing of the old server's behind.
 * Routes match the request path as received, before Vite strips `base`, as Vite's own `server.proxy`
 * keys do.
 */
export function mountProxy(server: ViteDevServer | PreviewServer, options: MountProxyOptions): MountedProxy {
  const { config } = server
  const { resolved, kind } = options
  const hostOptions = kind === 'dev' ? config.server : config.preview
  const logger = toHostLogger(writeToViteLogger(config.logger, { timestamp: true }))
  const engine = createProxy(resolved, {
    logger,
    hmrPaths: kind === 'dev' ? toHmrPaths(config) : [],
    // Vite's own DNS-rebinding setting (its resolved list already holds server.host and origin).
    // Vite checks HTTP requests itself, but not WebSocket upgrades it does not serve, so the engine
    // checks both. Like Vite, no check over https: a rebinding page cannot present the certificate.
    allowedHosts: hostOptions.https ? true : hostOptions.allowedHosts,
    // The inspector (`/__sameorigin/`) and the report of blocked calls: dev and preview only (the plugin
    // applies to `serve`), unless the config says `inspector: false`.
    inspector: true,
    // One inspector with a framework's server code on this root (`createServerProxy`, `serverFetch`).
    shareInspector: config.root,
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
  // Dev and preview, HTTP/1.1 and (with `https`) HTTP/2 streams. In middleware mode the server is the
  // user's, and what it does with CONNECT is theirs too.
  const stopRefusingConnect = server.httpServer === null ? undefined : refuseConnectOn(server.httpServer)

  printStartupAfterUrls(server, resolved, kind)
  // Each server watches for itself: a dev and a preview server in one process each keep their own engine.
  const watcher = watchRoutes({
    ...options.source,
    resolved,
    engine: {
      update: (next) => {
        engine.update(next)
        options.onUpdate?.(next)
      },
    },
    logger,
    ws: 'ws' in server ? server.ws : undefined,
  })

  const cleanup = (): void => {
    upgradeServer?.off('upgrade', onUpgrade)
    stopRefusingConnect?.()
    void watcher.close()
    void engine.close()
  }
  if (server.httpServer === null) options.onClose(cleanup)
  else server.httpServer.once('close', cleanup)
  return { place, watching: watcher.ready }
}
