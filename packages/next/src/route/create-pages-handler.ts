import type { IncomingMessage, ServerResponse } from 'node:http'
import process from 'node:process'
import type { ProxyEngine } from '@sameorigin/core'
import type { RouteHandlerOptions, RouteHandlerSettings } from './create-route-handler.ts'
import type { ConfigLoader } from './load-route-config.ts'
import { createConfigLoader } from './load-route-config.ts'
import { createLiveProxy } from './create-live-proxy.ts'
import { importCore } from './import-core.ts'

/** The core's main entry (the Node engine), imported by Node on the first request (`importCore`). */
let mainEntry: Promise<typeof import('@sameorigin/core')> | undefined

/** A Pages Router API handler (`pages/api/[...path].ts`). */
export type PagesHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * What `pages/api/[...path].ts` must also export as `config`: Next must not parse the body (the
 * engine streams it), must not cap the response size, and must not warn that the handler "resolved
 * without sending a response" (the engine answers asynchronously).
 */
export const pagesConfig: {
  readonly api: { readonly bodyParser: false; readonly responseLimit: false; readonly externalResolver: true }
} = { api: { bodyParser: false, responseLimit: false, externalResolver: true } }

/**
 * The Pages Router equivalent of {@link createRouteHandler}: Pages API routes receive Node's own
 * request and response, so the core's Node engine serves them as it serves Vite, unchanged (the same
 * pipeline as the route handler's Fetch transport, on the socket itself). A request no route matches
 * gets 404.
 * @example
 * // pages/api/[...path].ts
 * export { pagesHandler as default, pagesConfig as config } from '@sameorigin/next/route'
 */
export function createPagesHandler(options: RouteHandlerOptions = {}): PagesHandler {
  const { allowedHosts, cors, env, production, logger, ...configOptions } = options
  return createPagesHandlerFrom(createConfigLoader(configOptions, logger), {
    allowedHosts,
    cors,
    env,
    production,
    logger,
  })
}

/**
 * {@link createPagesHandler} over a config loader that may be shared. One engine, made with the first
 * config: when the loader hands over another one (a reload in `next dev`), the engine is `update`d, so
 * requests in flight, open sockets and pooled upstream connections are kept.
 */
export function createPagesHandlerFrom(
  loadConfig: ConfigLoader,
  settings: RouteHandlerSettings,
): PagesHandler {
  const engineFor = createLiveProxy<ProxyEngine>(settings)
  const production = settings.production ?? false

  return async function sameoriginPagesHandler(req, res) {
    if (!production && process.env.NODE_ENV === 'production') return notFound(res)
    const config = await loadConfig()
    const { createProxy } = await (mainEntry ??= importCore(''))
    engineFor(config, createProxy).middleware(req, res, () => notFound(res))
  }
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404
  res.setHeader('content-type', 'text/plain')
  res.end('Not Found\n')
}
