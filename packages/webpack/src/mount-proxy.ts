import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { SameOriginOptions } from '@sameorigin/core'
import { refuseConnectOn } from '@sameorigin/core'
import { addReportClient } from './add-report-client.ts'
import { announceStartup } from './announce-startup.ts'
import type { DevServerLike, MiddlewareHandler } from './dev-server.ts'
import { holdListen } from './hold-listen.ts'
import { loadEngine } from './load-engine.ts'
import { readDevServer } from './read-dev-server.ts'

/** One engine mounted in one dev server. */
export interface MountedProxy {
  /** The middleware to place in the dev server's list (named, for `DEBUG=connect:*`). */
  readonly middleware: MiddlewareHandler
  /**
   * Prints the route table and warnings, or throws the config error (from `onListening`, that fails
   * the dev server's start); call once the server listens. Without an http server to hold, the config
   * may still be loading: then returns a promise of having printed (the table, or the error).
   */
  readonly announce: () => Promise<void> | undefined
}

function pathOf(url: string | undefined): string {
  const query = (url ?? '').indexOf('?')
  return query === -1 ? (url ?? '') : (url ?? '').slice(0, query)
}

/**
 * Mounts one proxy engine in a dev server from inside its `setupMiddlewares`: loads the config,
 * creates the engine with the server's HMR paths and `allowedHosts` and watches the config files
 * (`setupMiddlewares` is synchronous and the config file is not, so the server listens only once it
 * is loaded and watched; see `holdListen`), puts the report client before every entry (dev servers
 * only, see `addReportClient`), takes the WebSocket upgrades the server does not serve
 * itself, answers `CONNECT` with 405 (the dev servers have no `connect` listener, so Node would drop
 * the socket; a listener of the user's own keeps it, see `refuseConnectOn`), and closes the watcher
 * and the engine with the server: its `close` event, which every way of stopping a dev server ends
 * with (`stop()`, `stopCallback()`, the CLIs' Ctrl-C).
 */
export function mountProxy(devServer: DevServerLike, options: SameOriginOptions): MountedProxy {
  const host = readDevServer(devServer)
  const engine = loadEngine(options, host)
  addReportClient(host.compilers, engine)

  const middleware: MiddlewareHandler = function sameoriginProxyMiddleware(req, res, next) {
    // The HMR endpoint is the dev server's, also when it is an event stream (WDS 6 `sse` transport).
    if (host.hmrPaths.includes(pathOf(req.url))) return next()
    const current = engine.current()
    if (current !== undefined) return current.middleware(req, res, next)
    // Only without an http server to hold can a request come first. A failure goes to it as next(error).
    engine.ready.then((ready) => ready.middleware(req, res, next), next)
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // `false`: not ours (no ws route, or the HMR path): the dev server's own listener answers it.
    const current = engine.current()
    if (current !== undefined) current.upgrade(req, socket, head)
    else
      engine.ready.then(
        (ready) => ready.upgrade(req, socket, head),
        () => {},
      )
  }
  const { server } = host
  if (server !== undefined) holdListen(server, engine.ready)
  server?.on('upgrade', onUpgrade)
  const stopRefusingConnect = server === undefined ? undefined : refuseConnectOn(server)
  server?.once('close', () => {
    server.off('upgrade', onUpgrade)
    stopRefusingConnect?.()
    engine.close()
  })

  return { middleware, announce: () => announceStartup(engine, host) }
}
