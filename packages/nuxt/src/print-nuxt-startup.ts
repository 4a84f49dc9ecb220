import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Logger, ResolvedConfig } from '@sameorigin/core'
import { createLogger, printStartup, toLocalUrl } from '@sameorigin/core'
import type { NitroProxyReport } from './use-nitro-proxies.ts'

/** What {@link printNuxtStartup} reports. */
export interface NuxtStartup {
  readonly resolved: ResolvedConfig
  readonly overlaps: NitroProxyReport
  /** Nuxt's dev server, listening. */
  readonly server: Server
  readonly https: boolean
}

/**
 * The startup lines, once Nuxt's dev server listens (under its URLs): the route table, the
 * inspector's address, config warnings, the route rules with `proxy` the routes shadow (the core's
 * overlap warning), and the `nitro.devProxy` entries taken out.
 */
export function printNuxtStartup(logger: Logger, startup: NuxtStartup): void {
  const { resolved, overlaps } = startup
  const log = createLogger(resolved.logLevel, { logger })
  const address = startup.server.address() as AddressInfo | null
  printStartup(log, {
    resolved,
    overlaps: overlaps.routeRules,
    proxyOption: 'routeRules',
    proxyName: "Nitro's route rules",
    serverUrl:
      address === null
        ? undefined
        : toLocalUrl({ https: startup.https, host: address.address, port: address.port }),
  })
  if (overlaps.devProxy !== undefined) log.warn(overlaps.devProxy)
}
