import process from 'node:process'
import type { Logger, ResolvedConfig } from '@sameorigin/core'
import { createNextLogger } from '../next-logger.ts'
import type { RouteHandlerSettings } from './create-route-handler.ts'

/** What the proxy of a handler must offer: a way to take another config between requests. */
interface Updatable {
  readonly update: (config: ResolvedConfig) => void
}

/**
 * The pipeline options both handlers pass: the settings given, the logger (Next's style by default),
 * and the inspector, on in `next dev` only.
 */
export interface HandlerProxyOptions {
  logger: Logger
  /**
   * The engine serves the inspector under `/__sameorigin/` (page, API, blocked-call reports) and
   * records every exchange: only when `NODE_ENV` is not `production` (`next dev`), never in
   * `next build` or `next start`, even with `production: true`.
   */
  inspector: boolean
  /** The app's root: the route handler and `serverFetch` share one inspector. */
  shareInspector: string
  allowedHosts?: readonly string[] | true
  cors?: RouteHandlerSettings['cors']
  env?: Readonly<Record<string, string | undefined>>
}

/** How a handler makes its proxy: the core's `createFetchProxy` or `createProxy`. */
export type CreateProxy<T> = (config: ResolvedConfig, options: HandlerProxyOptions) => T

/**
 * The one proxy of a handler (the route handler's Fetch proxy, the pages handler's engine), made on
 * first use with the handler's settings and `create` (the core's entry, loaded at run time by the
 * handler), and kept on the config the loader hands over: when it hands over another one (a reload),
 * the same proxy is `update`d, so requests in flight finish on the config they started with and
 * pooled upstream connections are kept.
 */
export function createLiveProxy<T extends Updatable>(
  settings: RouteHandlerSettings,
): (config: ResolvedConfig, create: CreateProxy<T>) => T {
  const { allowedHosts, cors, env } = settings
  const options: Omit<HandlerProxyOptions, 'inspector' | 'shareInspector'> = {
    logger: settings.logger ?? createNextLogger(),
    ...(allowedHosts === undefined ? {} : { allowedHosts }),
    ...(cors === undefined ? {} : { cors }),
    ...(env === undefined ? {} : { env }),
  }
  let current: { config: ResolvedConfig; readonly proxy: T } | undefined
  return (config, create) => {
    if (current === undefined) {
      const inspector = process.env.NODE_ENV !== 'production'
      current = { config, proxy: create(config, { ...options, inspector, shareInspector: process.cwd() }) }
    } else if (current.config !== config) {
      // A config the loader resolved, with the settings this proxy was made with: it cannot be refused.
      current.proxy.update(config)
      current.config = config
    }
    return current.proxy
  }
}
