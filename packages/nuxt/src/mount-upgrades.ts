import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { LoadHostConfigOptions, Logger, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createProxy, refuseConnectOn, watchConfig } from '@sameorigin/core'

/** Nitro's dev server as Nuxt holds it (`nuxt.server`): the CLI hands it every upgrade but Vite's HMR. */
export interface UpgradingServer {
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => unknown
}

/** Options for {@link mountUpgrades}. */
export interface MountUpgradesOptions {
  readonly resolved: ResolvedConfig
  /** The module's options and Nuxt's root and mode: what `resolved` was loaded from, watched for edits. */
  readonly source: { readonly options: SameOriginOptions; readonly host: LoadHostConfigOptions }
  readonly logger: Logger
  readonly allowedHosts: readonly string[] | true
}

/**
 * The routes' websockets on Nuxt's dev server, in the process that listens (a Nitro handler gets a
 * Web `Request` and cannot take over a socket): a Node engine on the same config takes the upgrades
 * its `ws` routes match before Nitro's dev server (its `devProxy` websockets, its worker) gets them.
 * Nuxt's CLI never hands Vite's HMR socket (under `/_nuxt/`) to `nuxt.server`, so it is never seen
 * here. Also answers CONNECT with 405 (no dev server listens for it), and keeps the engine on the
 * config file. Returns what undoes it all, for Nuxt's `close`.
 */
export async function mountUpgrades(
  server: Server,
  nitro: UpgradingServer,
  options: MountUpgradesOptions,
): Promise<() => Promise<void>> {
  const { resolved, logger } = options
  const engine = createProxy(resolved, { logger, allowedHosts: options.allowedHosts })
  const upgrade = nitro.upgrade
  nitro.upgrade = (req, socket, head) =>
    engine.upgrade(req, socket, head) || upgrade.call(nitro, req, socket, head)
  const stopRefusingConnect = refuseConnectOn(server)
  const watcher = watchConfig(options.source.options, {
    ...options.source.host,
    current: resolved,
    logger,
    apply: (next) => engine.update(next),
  })
  await watcher.ready
  return async () => {
    nitro.upgrade = upgrade
    stopRefusingConnect()
    await watcher.close()
    await engine.close()
  }
}
