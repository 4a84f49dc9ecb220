import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { NormalizedConfig, RsbuildConfig, RsbuildDevServer } from '@rsbuild/core'
import type { Logger, ProxyEngine, ResolvedConfig } from '@sameorigin/core'
import { createProxy, refuseConnectOn } from '@sameorigin/core'
import { toAllowedHosts, toHmrPaths } from './host-options.ts'

/** The part of a dev or preview server the plugin uses (`RsbuildServerBase`). */
export type RsbuildServer = Pick<RsbuildDevServer, 'httpServer' | 'middlewares' | 'port'>

/** Options for {@link mountProxy}. */
export interface MountProxyOptions {
  readonly resolved: ResolvedConfig
  readonly kind: 'dev' | 'preview'
  /** Rsbuild's normalized config (`api.getNormalizedConfig()`). */
  readonly config: NormalizedConfig
  /** The config as the user wrote it, before defaults (`api.getRsbuildConfig('original')`). */
  readonly written: RsbuildConfig
  /** Where the engine's lines go: Rsbuild's logger (`toRsbuildLogger`). */
  readonly logger: Logger
}

/** One engine mounted in one Rsbuild server. */
export interface MountedProxy {
  /** The engine's `update`: the requests that start from now on are decided with the new config. */
  readonly update: ProxyEngine['update']
  /** Takes the engine off the server and closes it. */
  readonly close: () => Promise<void>
}

/**
 * Mounts one proxy engine in an Rsbuild dev or preview server and returns its `update` and what stops it.
 *
 * Called from `onBeforeStartDevServer` / `onBeforeStartPreviewServer`: at that point Rsbuild's stack
 * holds only its Host check, and every built-in (CORS, `server.proxy`, gzip, the assets, HTML and
 * history fallbacks) is added after the hook returns. So a plain `use()` puts the engine after the
 * Host check and before all of them: preflights reach the backend, and proxied responses (event
 * streams) are never compressed or buffered.
 *
 * WebSockets: Rsbuild calls every upgrade listener of its server for every upgrade (its HMR socket,
 * `server.proxy` entries with `ws`). The engine's listener, added first, takes only upgrades on `ws`
 * routes and never the HMR path; Rsbuild's HMR server ignores paths other than its own.
 *
 * CONNECT: Rsbuild's dev and preview servers have no `connect` listener, so Node would drop the
 * socket; it is answered 405 instead (HTTP/1.1, and HTTP/2 streams with `server.https`), unless a
 * listener of the user's own takes it (see `refuseConnectOn`).
 */
export function mountProxy(server: RsbuildServer, options: MountProxyOptions): MountedProxy {
  const { resolved, kind, config } = options
  // Dev and preview serve the inspector (`/__sameorigin/`) unless the config says `inspector: false`.
  const engine = createProxy(resolved, {
    inspector: true,
    logger: options.logger,
    hmrPaths: toHmrPaths(config, kind),
    allowedHosts: toAllowedHosts(config, options.written),
  })
  server.middlewares.use(engine.middleware)

  // In middleware mode there is no server: the user's own server passes upgrades to Rsbuild through
  // `connectWebSocket`, which only knows the HMR socket, so proxied WebSockets need `server.httpServer`.
  const { httpServer } = server
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // `rsbuild preview` listens for upgrades only with a `ws` entry in server.proxy; when nobody else
    // does, an upgrade the engine leaves would hang until the client gives up: refuse it instead.
    if (!engine.upgrade(req, socket, head) && httpServer?.listenerCount('upgrade') === 1) socket.destroy()
  }
  httpServer?.on('upgrade', onUpgrade)
  const stopRefusingConnect = httpServer ? refuseConnectOn(httpServer) : undefined

  const close = async (): Promise<void> => {
    httpServer?.off('upgrade', onUpgrade)
    stopRefusingConnect?.()
    await engine.close()
  }
  return { update: engine.update, close }
}
