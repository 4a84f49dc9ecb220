import process from 'node:process'
import { createFetchProxy } from '../fetch/node/create-fetch-proxy.ts'
import type { ServerFetch } from '../fetch/create-server-fetch.ts'
import { createServerFetch } from '../fetch/create-server-fetch.ts'
import type { FetchProxy, FetchProxyOptions, FetchRequestInfo } from '../fetch/types.ts'
import { loadHostConfig } from './load-host-config.ts'
import type { SameOriginOptions } from './same-origin-options.ts'
import type { ConfigWatcher } from './watch-config.ts'
import { watchConfig } from './watch-config.ts'

/** Options of {@link createServerProxy}: the config, and how the server runs. */
export interface ServerProxyOptions
  extends SameOriginOptions, Pick<FetchProxyOptions, 'allowedHosts' | 'cors' | 'env' | 'logger'> {
  /**
   * Where the config file search starts, and what a relative `configFile` is relative to.
   * @default process.cwd()
   */
  root?: string
  /**
   * Selects the `.env.[mode]` files; in `development` the config file is watched.
   * @default 'production' when NODE_ENV is `production`, else 'development'
   */
  mode?: 'development' | 'production'
  /**
   * Also forward in production mode (a built app, `node build`). Off by default: a deployed app
   * should not proxy to the development backends of its config; `serverFetch` then calls the page's
   * own origin, which serves the routes in production.
   * @default false
   */
  production?: boolean
}

/** The routes for a framework's server: its request handling and its server-side fetch. */
export interface ServerProxy {
  /**
   * A request the routes answer (the Fetch transport, on the project's config, loaded on first use),
   * or `undefined`: no route matches, or production mode without `production: true`; the host goes on.
   */
  readonly handle: (request: Request, info?: FetchRequestInfo) => Promise<Response | undefined>
  /** `fetch` for server code: a same-origin path goes through {@link handle} (`createServerFetch`). */
  readonly fetch: ServerFetch
  /** Stops watching the config and destroys the upstream connections. */
  readonly close: () => Promise<void>
}

/**
 * The routes for a server framework's hooks and middleware (SvelteKit's `handle`, a Nitro handler,
 * Astro's `onRequest`, a loader's `serverFetch`): one Fetch proxy on the nearest
 * `sameorigin.config.*` merged with the options, made on the first request. In development the
 * config file and the env files it reads are watched (never keeping the process alive): an edit
 * applies to the next request, a bad one keeps the last good config and prints its problems once. A
 * failed first load is retried on the next request (the developer may be fixing the file).
 * @example
 * const proxy = createServerProxy({ root: nuxt.options.rootDir })
 * const response = (await proxy.handle(request)) ?? (await next())
 */
export function createServerProxy(options: ServerProxyOptions = {}): ServerProxy {
  const { root, mode: given, production, allowedHosts, cors, env, logger, ...config } = options
  const mode = given ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development')
  const active = mode === 'development' || production === true
  let loading: Promise<FetchProxy> | undefined
  let watcher: ConfigWatcher | undefined
  const log = logger ?? globalThis.console
  const load = async (): Promise<FetchProxy> => {
    const resolved = await loadHostConfig(config, { root, mode })
    const proxy = createFetchProxy(resolved, {
      logger: log,
      // The inspector in development, unless the config says `inspector: false`.
      inspector: mode === 'development',
      ...(allowedHosts === undefined ? {} : { allowedHosts }),
      ...(cors === undefined ? {} : { cors }),
      ...(env === undefined ? {} : { env }),
    })
    if (mode === 'development') {
      watcher = watchConfig(config, { root, mode, current: resolved, logger: log, apply: proxy.update })
      // Edits saved once the first answer is out are seen.
      await watcher.ready
    }
    return proxy
  }
  const proxy = (): Promise<FetchProxy> => {
    if (loading !== undefined) return loading
    const started = load()
    loading = started
    started.catch(() => {
      if (loading === started) loading = undefined
    })
    return started
  }
  const handle: ServerProxy['handle'] = async (request, info) =>
    active ? (await proxy())(request, info) : undefined
  return {
    handle,
    fetch: createServerFetch({ handle: (request) => handle(request), active: () => active }),
    close: async () => {
      await watcher?.close()
      if (loading !== undefined) await (await loading.catch(() => undefined))?.close()
    },
  }
}

let shared: ServerProxy | undefined

/**
 * `fetch` for server code on the nearest `sameorigin.config.*` from the working directory (one
 * {@link createServerProxy} for the process, made on the first call).
 * @example
 * export async function loader({ request }) {
 *   return (await serverFetch('/api/me', { request })).json()
 * }
 */
export const serverFetch: ServerFetch = (input, init) => {
  shared ??= createServerProxy()
  return shared.fetch(input, init)
}
