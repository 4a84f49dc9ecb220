import process from 'node:process'
import type { FetchProxy, ServerFetch } from '@sameorigin/core/fetch'
import type { RouteHandlerOptions, RouteHandlerSettings } from './create-route-handler.ts'
import { createLiveProxy } from './create-live-proxy.ts'
import type { ConfigLoader } from './load-route-config.ts'
import { createConfigLoader } from './load-route-config.ts'
import { importCore } from './import-core.ts'

export type { ServerFetch, ServerFetchInit } from '@sameorigin/core/fetch'

/**
 * A `fetch` for Server Components, route handlers and server actions: a path the routes match
 * (`/api/me`, relative, as the browser would write it) goes through the core's Fetch transport
 * exactly as the route handler sends a browser's request (the route's headers, the answer's cookies
 * and redirects rewritten for the page's origin, 502/504 answers); any other URL is passed to
 * `fetch` as is. With `{ request }` (a route handler's request) the URL is resolved on its origin
 * and its cookie and authorization headers go along. Off like the handler in `next start` unless
 * `production: true`: the path then goes to `fetch` on the page's own origin.
 * @example
 * const serverFetch = createServerFetch()
 * const me = await serverFetch('/api/me', { headers: { cookie: (await cookies()).toString() } })
 */
export function createServerFetch(options: RouteHandlerOptions = {}): ServerFetch {
  const { allowedHosts, cors, env, production, logger, ...configOptions } = options
  return createServerFetchFrom(createConfigLoader(configOptions, logger), {
    allowedHosts,
    cors,
    env,
    production,
    logger,
  })
}

/** {@link createServerFetch} over a config loader that may be shared (the ready-made `serverFetch`'s). */
export function createServerFetchFrom(
  loadConfig: ConfigLoader,
  settings: RouteHandlerSettings = {},
): ServerFetch {
  const proxyFor = createLiveProxy<FetchProxy>(settings)
  const production = settings.production ?? false
  let made: Promise<ServerFetch> | undefined
  return async function sameoriginServerFetch(input, init) {
    made ??= importCore('/fetch').then((core) =>
      core.createServerFetch({
        handle: async (request) => proxyFor(await loadConfig(), core.createFetchProxy)(request),
        active: () => production || process.env.NODE_ENV !== 'production',
      }),
    )
    return (await made)(input, init)
  }
}
