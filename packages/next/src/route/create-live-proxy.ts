import type { Logger, ResolvedConfig } from '@sameorigin/core'
import { createNextLogger } from '../next-logger.ts'
import type { RouteHandlerSettings } from './create-route-handler.ts'

/** What a proxy made for one config must offer: a way to free its upstream connections. */
interface Closable {
  readonly close: () => Promise<void>
}

/** The pipeline options both handlers pass: the settings given, and the logger (Next's style by default). */
export interface HandlerProxyOptions {
  logger: Logger
  allowedHosts?: readonly string[] | true
  cors?: RouteHandlerSettings['cors']
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * One proxy per loaded config (the route handler's Fetch proxy, the pages handler's engine), made on
 * first use with the handler's settings: when the loader hands over another config, the previous one
 * is closed (its upstream sockets destroyed).
 */
export function perConfig<T extends Closable>(
  settings: RouteHandlerSettings,
  create: (config: ResolvedConfig, options: HandlerProxyOptions) => T,
): (config: ResolvedConfig) => T {
  const { allowedHosts, cors, env } = settings
  const options: HandlerProxyOptions = {
    logger: settings.logger ?? createNextLogger(),
    ...(allowedHosts === undefined ? {} : { allowedHosts }),
    ...(cors === undefined ? {} : { cors }),
    ...(env === undefined ? {} : { env }),
  }
  let current: { readonly config: ResolvedConfig; readonly proxy: T } | undefined
  return (config) => {
    if (current?.config === config) return current.proxy
    const previous = current
    current = { config, proxy: create(config, options) }
    void previous?.proxy.close()
    return current.proxy
  }
}
