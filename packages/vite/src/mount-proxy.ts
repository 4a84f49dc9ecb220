import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ResolvedConfig } from '@sameorigin/core'
import { createProxy, refuseConnectOn, toHostLogger } from '@sameorigin/core'
import type { PreviewServer, ViteDevServer } from 'vite'
import { findHmrServer, isViteClientUpgrade, toHmrPaths } from './hmr.ts'
import { placeProxyMiddleware } from './place-proxy-middleware.ts'
import { printStartupAfterUrls } from './print-startup-after-urls.ts'
import { writeToViteLogger } from './write-to-vite-logger.ts'

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
 * Mounts one proxy engine in a Vite dev or preview server: the middleware placed after Vite's host
 * check and before its CORS handling (see `placeProxyMiddleware`), the WebSocket upgrades Vite does
 * not serve itself, `CONNECT` answered 405 (Vite has no `connect` listener, so Node would drop the
 * socket; a listener of the user's own keeps it, see `refuseConnectOn`), the route table printed
 * after Vite's URLs, and the engine closed with the server.
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
    logger: toHostLogger(writeToViteLogger(config.logger, { timestamp: true })),
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
  // Dev and preview, HTTP/1.1 and (with `https`) HTTP/2 streams. In middleware mode the server is the
  // user's, and what it does with CONNECT is theirs too.
  const stopRefusingConnect = server.httpServer === null ? undefined : refuseConnectOn(server.httpServer)

  printStartupAfterUrls(server, resolved, kind)

  const cleanup = (): void => {
    upgradeServer?.off('upgrade', onUpgrade)
    stopRefusingConnect?.()
    void engine.close()
  }
  if (server.httpServer === null) options.onClose(cleanup)
  else server.httpServer.once('close', cleanup)
  return place
}
