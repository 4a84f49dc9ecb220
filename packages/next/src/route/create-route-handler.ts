import process from 'node:process'
import type { CorsOptions, Logger } from '@sameorigin/core'
import type { FetchProxy } from '@sameorigin/core/fetch'
import type { ConfigLoader, RouteConfigOptions } from './load-route-config.ts'
import { createConfigLoader } from './load-route-config.ts'
import { createLiveProxy } from './create-live-proxy.ts'
import { importCore } from './import-core.ts'

/** Options of {@link createRouteHandler}. */
export interface RouteHandlerOptions extends RouteConfigOptions {
  /**
   * Host names the handler answers for, besides `localhost`, `*.localhost` and IP addresses (a
   * leading dot allows a domain and its subdomains), or `true` for any. A request naming another host
   * gets 403 and reaches no backend: a page on an attacker's domain resolving to 127.0.0.1 (DNS
   * rebinding) could otherwise read the backend's answers, with the user's cookies, through the handler.
   * @default []
   */
  allowedHosts?: readonly string[] | true
  /**
   * CORS mode, for pages that cannot be same-origin with the Next dev server (Storybook, a mobile
   * simulator): the listed origins may call the handler cross-origin. Preflights are answered here,
   * answers carry the CORS headers, and a request from any other origin gets 403 and reaches no
   * backend. Without it the handler adds no CORS headers, as every sameorigin host.
   * @default undefined
   */
  cors?: CorsOptions
  /**
   * Where `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (or their lower-case forms) are read from, as
   * the engine reads them: upstreams are reached through the forward proxy they name.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>
  /**
   * Also forward when `NODE_ENV` is `production` (`next start`, a deployment). Off by default, like
   * `withSameOrigin`: a deployed app should not proxy to the development backends of its config.
   * @default false
   */
  production?: boolean
  /**
   * Where failures are logged (one line each, as the engine logs them), and in `next dev` what an
   * edit of the config changed, or why it cannot be used.
   * @default lines on stderr in Next's own style
   */
  logger?: Logger
}

/** The core's Fetch transport, imported by Node on the first request of any handler (`importCore`). */
let fetchEntry: Promise<typeof import('@sameorigin/core/fetch')> | undefined

/** A Next App Router handler: a Web `Request` in, a Web `Response` out. */
export type RouteHandler = (request: Request) => Promise<Response>

/** The handlers `app/api/[...path]/route.ts` exports, one per method. */
export interface RouteHandlers {
  readonly GET: RouteHandler
  readonly HEAD: RouteHandler
  readonly POST: RouteHandler
  readonly PUT: RouteHandler
  readonly PATCH: RouteHandler
  readonly DELETE: RouteHandler
  readonly OPTIONS: RouteHandler
}

/** What {@link createRouteHandlerFrom} takes besides the config: the options that are not routes. */
export type RouteHandlerSettings = Omit<RouteHandlerOptions, keyof RouteConfigOptions>

function notFound(): Response {
  return new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain' } })
}

/**
 * The client's address as Next passes it: Next appends the socket's address to `X-Forwarded-For`, so
 * it is the last entry (the earlier ones are whatever the client claimed).
 */
function toClientAddress(request: Request): string | undefined {
  const address = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
  return address === '' ? undefined : address
}

/**
 * The request with the URL the browser used. Next builds a route handler's `request.url` on the name
 * it listens on (`http://localhost:3000/…`) whatever `Host` the browser sent (`127.0.0.1:3000`), so the
 * inspector, which takes reports and changes only from its own page's origin, would refuse a page on
 * `127.0.0.1`. The URL is rebuilt on the `Host` header, which the engine checks before the inspector
 * answers (the same host check as the routes).
 */
function toBrowserRequest(request: Request): Request {
  const host = request.headers.get('host')
  const url = new URL(request.url)
  if (host === null || host === url.host) return request
  const { pathname, search } = url
  let rebuilt: URL
  try {
    rebuilt = new URL(`${pathname}${search}`, `${url.protocol}//${host}`)
  } catch {
    // A Host no URL can hold: the engine's host check refuses the request.
    return request
  }
  // The body, headers and abort signal go along (a streamed body is taken over, not copied).
  return new Request(rebuilt, request)
}

/**
 * The route handler: every request it receives goes to the core's Fetch transport
 * (`createFetchProxy`), which decides and forwards exactly as the engine does for Vite: the same
 * matching and path safety, host check, CORS mode, header, cookie, redirect and Origin rewriting,
 * clocks, forward proxy, error answers and failure line. A request no route matches gets 404. In
 * `next dev` an edit of the config file, or of an env file it reads, applies to the next request.
 * @example
 * // app/api/[...path]/route.ts
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = createRouteHandler({ configFile: 'sameorigin.config.ts' })
 */
export function createRouteHandler(options: RouteHandlerOptions = {}): RouteHandlers {
  const { allowedHosts, cors, env, production, logger, ...configOptions } = options
  return createRouteHandlerFrom(createConfigLoader(configOptions, logger), {
    allowedHosts,
    cors,
    env,
    production,
    logger,
  })
}

/**
 * {@link createRouteHandler} over a config loader that may be shared (the ready-made exports share
 * one with `pagesHandler` and `serverFetch`). One Fetch proxy, made with the first config: when the
 * loader hands over another one (a reload in `next dev`), the proxy is `update`d, so requests in
 * flight finish on the config they started with and pooled upstream connections are kept.
 */
export function createRouteHandlerFrom(
  loadConfig: ConfigLoader,
  settings: RouteHandlerSettings,
): RouteHandlers {
  const proxyFor = createLiveProxy<FetchProxy>(settings)
  const production = settings.production ?? false

  async function sameoriginRouteHandler(request: Request): Promise<Response> {
    if (!production && process.env.NODE_ENV === 'production') return notFound()
    const config = await loadConfig()
    const proxy = proxyFor(config, (await (fetchEntry ??= importCore('/fetch'))).createFetchProxy)
    const clientAddress = toClientAddress(request)
    const response = await proxy(
      toBrowserRequest(request),
      clientAddress === undefined ? {} : { clientAddress },
    )
    return response ?? notFound()
  }

  return {
    GET: sameoriginRouteHandler,
    HEAD: sameoriginRouteHandler,
    POST: sameoriginRouteHandler,
    PUT: sameoriginRouteHandler,
    PATCH: sameoriginRouteHandler,
    DELETE: sameoriginRouteHandler,
    OPTIONS: sameoriginRouteHandler,
  }
}
