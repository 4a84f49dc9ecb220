import type { IncomingMessage, ServerResponse } from 'node:http'
import process from 'node:process'
import type { ProxyEngine } from '@sameorigin/core'
import { createProxy } from '@sameorigin/core'
import { createNextLogger } from '../next-logger.ts'
import type { RouteHandlerOptions } from './create-route-handler.ts'
import { createConfigLoader } from './load-route-config.ts'

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
 * request and response, so the core's engine serves them as it serves Vite, unchanged (streaming,
 * keep-alive agents, cookie/redirect/Origin rewriting, 502/504). A request no route matches gets 404.
 * @example
 * // pages/api/[...path].ts
 * export { pagesHandler as default, pagesConfig as config } from '@sameorigin/next/route'
 */
export function createPagesHandler(options: RouteHandlerOptions = {}): PagesHandler {
  const { logger, allowedHosts, production = false, ...configOptions } = options
  const loadConfig = createConfigLoader(configOptions)
  let engine: Promise<ProxyEngine> | undefined
  return async function sameoriginPagesHandler(req, res) {
    if (!production && process.env.NODE_ENV === 'production') return notFound(res)
    engine ??= loadConfig().then((resolved) =>
      createProxy(resolved, {
        logger: logger ?? createNextLogger(),
        ...(allowedHosts ? { allowedHosts } : {}),
      }),
    )
    const proxy = await engine
    proxy.middleware(req, res, () => notFound(res))
  }
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404
  res.setHeader('content-type', 'text/plain')
  res.end('Not Found\n')
}
