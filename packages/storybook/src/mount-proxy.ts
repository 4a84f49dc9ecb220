import type { IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import process from 'node:process'
import type { Duplex } from 'node:stream'
import type { HostProxy, Logger } from '@sameorigin/core'
import { createLogger, printStartup, refuseConnectOn, startHostProxy, toLocalUrl } from '@sameorigin/core'
import { isViteClientUpgrade, SERVER_CHANNEL_PATH } from './is-storybook-upgrade.ts'
import { serveRoutesFirst } from './serve-routes-first.ts'
import type { StorybookApp, StorybookPresetOptions } from './storybook-host.ts'
import { toAllowedHosts } from './to-allowed-hosts.ts'

/** What {@link mountProxy} needs besides the app and Storybook's options. */
export interface MountProxyOptions {
  /** Storybook's node logger, as the core writes to it (see `toStorybookLogger`). */
  readonly logger: Logger
}

/** One mounted proxy: the preview head reads whether the page gets the report client. */
export interface MountedProxy {
  readonly proxy: HostProxy
  /** The inspector was on at start, so the preview iframe loads the report client (until a restart). */
  readonly reportClient: boolean
}

/**
 * Mounts the engine on `storybook dev`'s own server from `experimental_devServer`: the config loaded
 * from the working directory and watched (`startHostProxy`; a bad config rejects, which fails
 * `storybook dev` with every problem named), routed requests answered before any of Storybook's
 * middlewares (see `serveRoutesFirst`), the WebSockets of `ws` routes taken on the server's `upgrade`
 * (never Storybook's channel or the Vite builder's HMR sockets), `CONNECT` answered 405, the route
 * table and the inspector's address printed once the server listens, and all of it undone when the
 * server closes.
 */
export async function mountProxy(
  app: StorybookApp,
  options: StorybookPresetOptions,
  mount: MountProxyOptions,
): Promise<MountedProxy> {
  const { logger } = mount
  const core = await options.presets.apply('core')
  const proxy = await startHostProxy(
    options.configFile === undefined ? {} : { configFile: options.configFile },
    {
      // Storybook reads its main config and stories from the working directory; so does the proxy.
      root: process.cwd(),
      mode: 'development',
      logger,
      allowedHosts: toAllowedHosts(core, options.host),
      hmrPaths: [SERVER_CHANNEL_PATH],
      // The preview head is written when the builder starts: an edit that turns the inspector on or
      // off needs a restart to add or drop the report client, and the core says so.
      reportClient: { restart: 'storybook dev' },
    },
  )
  const { engine } = proxy
  const reportClient = proxy.current().inspector !== false
  const { server } = app
  if (server === undefined) {
    // Not seen in Storybook 9 or 10: the routes still work behind Storybook's middlewares.
    app.use(engine.middleware)
    return { proxy, reportClient }
  }

  const first = serveRoutesFirst(server, engine.middleware)
  app.use(first.fallback)
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Storybook's channel is an HMR path of the engine's; the Vite builder's sockets are told by protocol.
    if (!isViteClientUpgrade(req)) engine.upgrade(req, socket, head)
  }
  server.on('upgrade', onUpgrade)
  const stopRefusingConnect = refuseConnectOn(server)

  const printRoutes = (): void => {
    const address = server.address() as AddressInfo | null
    const serverUrl =
      address === null
        ? undefined
        : toLocalUrl({ https: options.https === true, host: address.address, port: address.port })
    const resolved = proxy.current()
    printStartup(createLogger(resolved.logLevel, { logger }), {
      resolved,
      serverUrl,
      // Storybook has no proxy option of its own (storybookjs/storybook#30510): nothing overlaps.
      overlaps: [],
      proxyOption: '',
      proxyName: '',
    })
  }
  server.once('listening', printRoutes)
  server.once('close', () => {
    server.off('listening', printRoutes)
    server.off('upgrade', onUpgrade)
    first.stop()
    stopRefusingConnect()
    void proxy.close()
  })
  return { proxy, reportClient }
}
