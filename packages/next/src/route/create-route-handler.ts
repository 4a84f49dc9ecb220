import process from 'node:process'
import type { Logger, ProxyError, ResolvedRoute } from '@sameorigin/core'
import { createError, isProxyError, matchRequest } from '@sameorigin/core'
import type { ReadonlyHeaderRecord, RequestBody } from '@sameorigin/core/rewrite'
import { parseRequestBody, toDevOrigin, toUpstreamHeaders } from '@sameorigin/core/rewrite'
import { isHostAllowed } from 'host-validation-middleware'
import { createNextLogger } from '../next-logger.ts'
import { toErrorResponse } from './error-response.ts'
import { forwardRequest } from './forward-request.ts'
import { peekBody } from './peek-body.ts'
import type { RouteConfigOptions } from './load-route-config.ts'
import { createConfigLoader } from './load-route-config.ts'
import { createUpstreamAgents } from './upstream-agents.ts'

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
   * Also forward when `NODE_ENV` is `production` (`next start`, a deployment). Off by default, like
   * `withSameOrigin`: a deployed app should not proxy to the development backends of its config.
   * @default false
   */
  production?: boolean
  /**
   * Where failures are logged (one line each, as the engine logs them).
   * @default lines on stderr in Next's own style
   */
  logger?: Logger
}

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

function notFound(): Response {
  return new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain' } })
}

/** The 403 for a host the handler does not answer for (its name passed toDevOrigin's syntax check). */
function hostNotAllowed(hostname: string, route: string): ProxyError {
  return createError('ERR_REQUEST_HOST_NOT_ALLOWED', {
    message: `This dev server does not answer for the host ${hostname} (DNS rebinding protection).`,
    hint: `If you meant to use ${hostname}, allow it: createRouteHandler({ allowedHosts: ['${hostname}'] }).`,
    details: { route, host: hostname },
  })
}

/**
 * How the request's body is framed (`parseRequestBody`, which throws the refusals) and the stream to
 * send. Next hands over no body for GET and HEAD, so their framing headers alone tell that one was
 * sent; a body no header declares is read up to its first bytes, since an empty one is no body.
 */
async function readUpload(
  request: Request,
  incoming: ReadonlyHeaderRecord,
): Promise<{ body: RequestBody; source: ReadableStream<Uint8Array> | null }> {
  const body = parseRequestBody(request.method, incoming, { undeclared: request.body !== null })
  if (body.kind !== 'stream' || incoming['transfer-encoding'] !== undefined || request.body === null) {
    return { body, source: request.body }
  }
  let source
  try {
    source = await peekBody(request.body)
  } catch (cause) {
    throw createError('ERR_REQUEST_FRAMING_INVALID', {
      message: 'The request body broke off before it began.',
      cause,
    })
  }
  return source === null ? { body: NO_BODY, source } : { body, source }
}

const NO_BODY: RequestBody = Object.freeze({ kind: 'none' })

/** A Web `Headers` as the record the core's rewriters take (names are already lower-case). */
export function toHeaderRecord(headers: Headers): ReadonlyHeaderRecord {
  const record: Record<string, string> = {}
  for (const [name, value] of headers) record[name] = value
  return record
}

/**
 * The route handler: every request it receives is matched against the routes (as the engine does:
 * path normalised, unsafe paths 400), forwarded with the core's header, cookie, redirect and Origin
 * rewriting, and answered with the upstream's streamed response or the engine's 502/504 body.
 * A request no route matches gets 404.
 * @example
 * // app/api/[...path]/route.ts
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = createRouteHandler({ configFile: 'sameorigin.config.ts' })
 */
export function createRouteHandler(options: RouteHandlerOptions = {}): RouteHandlers {
  const { logger: givenLogger, allowedHosts = [], production = false, ...configOptions } = options
  const logger = givenLogger ?? createNextLogger()
  const loadConfig = createConfigLoader(configOptions)
  const agents = createUpstreamAgents()

  /** Logs one line for a request refused before forwarding, and answers it with the error. */
  function refuse(request: Request, error: ProxyError, route: ResolvedRoute | undefined): Response {
    const path = new URL(request.url).pathname
    logger.warn(
      `sameorigin: ${request.method} ${path} refused (${error.status} ${error.code}): ${error.message}`,
    )
    return toErrorResponse(request, error, route)
  }

  async function sameoriginRouteHandler(request: Request): Promise<Response> {
    if (!production && process.env.NODE_ENV === 'production') return notFound()
    const url = new URL(request.url)
    const incoming = toHeaderRecord(request.headers)
    let match
    try {
      match = matchRequest(await loadConfig(), {
        method: request.method,
        url: url.pathname + url.search,
        headers: incoming,
      })
    } catch (error) {
      if (!isProxyError(error)) throw error
      return refuse(request, error, undefined)
    }
    if (match === undefined) return notFound()
    const dev = toDevOrigin(incoming, url.protocol === 'https:')
    if (dev === undefined) {
      return toErrorResponse(request, createError('ERR_REQUEST_HOST_INVALID', {}), match.route)
    }
    if (allowedHosts !== true && !isHostAllowed(dev.host, [...allowedHosts])) {
      return refuse(request, hostNotAllowed(dev.hostname, match.route.id), match.route)
    }
    const method = request.method
    let upload
    try {
      upload = await readUpload(request, incoming)
    } catch (error) {
      if (!isProxyError(error)) throw error
      return refuse(request, error, match.route)
    }
    const { body, source } = upload
    // Next puts the client's address last in X-Forwarded-For.
    const clientAddress = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim()
    const upstreamHeaders = toUpstreamHeaders(incoming, { match, dev, clientAddress, body, method })
    return forwardRequest(request, { match, dev, body, source, upstreamHeaders, agents, logger })
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
