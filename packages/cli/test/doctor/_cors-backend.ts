// One backend, two origins (two ports), answering CORS in the ways real servers get it right and
// wrong. `GET /cfg/<name>?case=<id>&by=<who>` answers as configuration <name>; every request is
// recorded with who sent it (doctor or Chromium), so the two can be compared hop by hop.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { listen } from '@sameorigin/test-utils'
import type { Listening } from '@sameorigin/test-utils'

type Headers = [string, string][]

/** What a configuration sees of the request. */
export interface ConfigContext {
  /** The origin of the page the tests run from (the loopback dev server). */
  readonly page: string
  /** The request's `Origin` header, as received. */
  readonly origin: string | undefined
  /** This server's origin and the other one's (for cross-origin redirects). */
  readonly self: string
  readonly other: string
  /** The request's query string (with `?`), carried over by redirects. */
  readonly search: string
}

/** A status and headers, computed per request. */
export type Answer = (context: ConfigContext) => { readonly status?: number; readonly headers: Headers }

/** How one path answers its preflight (`OPTIONS`) and its request (every other method). */
export interface CorsConfig {
  /** Defaults to the response's headers with status 204. */
  readonly preflight?: Answer
  readonly response: Answer
}

const acao = (value: string): [string, string] => ['Access-Control-Allow-Origin', value]
const acac: [string, string] = ['Access-Control-Allow-Credentials', 'true']
const vary: [string, string] = ['Vary', 'Origin']

/** The named configurations. Each states what it gets wrong (or right). */
export const CONFIGS: Readonly<Record<string, CorsConfig>> = {
  'no-acao': { response: () => ({ headers: [] }) },
  star: { response: () => ({ headers: [acao('*')] }) },
  'star-credentials': { response: () => ({ headers: [acao('*'), acac] }) },
  exact: { response: ({ page }) => ({ headers: [acao(page)] }) },
  'exact-credentials': { response: ({ page }) => ({ headers: [acao(page), acac, vary] }) },
  'wrong-origin': { response: () => ({ headers: [acao('http://localhost:3000'), vary] }) },
  'trailing-slash': { response: ({ page }) => ({ headers: [acao(`${page}/`), vary] }) },
  'null-origin': { response: () => ({ headers: [acao('null')] }) },
  // Two layers (an app and its reverse proxy) each adding the header.
  'two-acao': { response: ({ page }) => ({ headers: [acao(page), acao(page), vary] }) },
  'acao-list': { response: ({ page }) => ({ headers: [acao(`${page}, http://localhost:3000`), vary] }) },
  'acac-uppercase': {
    response: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Credentials', 'TRUE'], vary] }),
  },
  'preflight-no-methods': { response: ({ page }) => ({ headers: [acao(page), vary] }) },
  'preflight-ok': {
    preflight: ({ page }) => ({
      status: 204,
      headers: [
        acao(page),
        acac,
        ['Access-Control-Allow-Methods', 'PUT, DELETE'],
        ['Access-Control-Allow-Headers', 'content-type, authorization, x-api-key'],
        ['Access-Control-Max-Age', '600'],
        vary,
      ],
    }),
    response: ({ page }) => ({ headers: [acao(page), acac, vary] }),
  },
  'methods-star': {
    preflight: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Methods', '*']] }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  'methods-star-credentials': {
    preflight: ({ page }) => ({ headers: [acao(page), acac, ['Access-Control-Allow-Methods', '*']] }),
    response: ({ page }) => ({ headers: [acao(page), acac, vary] }),
  },
  'methods-lowercase': {
    preflight: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Methods', 'put']] }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  'headers-star': {
    preflight: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Headers', '*']] }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  'headers-star-credentials': {
    preflight: ({ page }) => ({ headers: [acao(page), acac, ['Access-Control-Allow-Headers', '*']] }),
    response: ({ page }) => ({ headers: [acao(page), acac, vary] }),
  },
  'headers-missing': {
    preflight: ({ page }) => ({
      headers: [
        acao(page),
        ['Access-Control-Allow-Methods', 'POST'],
        ['Access-Control-Allow-Headers', 'x-other'],
      ],
    }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  // An API whose router has no OPTIONS route, or whose auth middleware runs before CORS.
  'preflight-404': {
    preflight: ({ page }) => ({
      status: 404,
      headers: [acao(page), ['Access-Control-Allow-Methods', 'PUT']],
    }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  'preflight-500': {
    preflight: ({ page }) => ({
      status: 500,
      headers: [acao(page), ['Access-Control-Allow-Methods', 'PUT']],
    }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  // A trailing-slash or http→https redirect that also catches OPTIONS.
  'preflight-redirect': {
    preflight: ({ page, search }) => ({
      status: 302,
      headers: [
        acao(page),
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Location', `/cfg/methods-star${search}`],
      ],
    }),
    response: ({ page }) => ({ headers: [acao(page), vary] }),
  },
  'redirect-same-origin': {
    response: ({ page, search }) => ({
      status: 302,
      headers: [acao(page), ['Location', `/cfg/exact${search}`]],
    }),
  },
  'redirect-hop-no-cors': {
    response: ({ search }) => ({ status: 302, headers: [['Location', `/cfg/exact${search}`]] }),
  },
  'redirect-cross-origin-exact': {
    response: ({ page, other, search }) => ({
      status: 302,
      headers: [acao(page), ['Location', `${other}/cfg/exact${search}`]],
    }),
  },
  'redirect-cross-origin-star': {
    response: ({ page, other, search }) => ({
      status: 302,
      headers: [acao(page), ['Location', `${other}/cfg/star${search}`]],
    }),
  },
  'redirect-cross-origin-echo': {
    response: ({ page, other, search }) => ({
      status: 302,
      headers: [acao(page), acac, ['Location', `${other}/cfg/echo-credentials${search}`]],
    }),
  },
  // Echoes whatever Origin arrives, as many frameworks' "allow all" setting does: `null` after a
  // cross-origin redirect.
  'echo-credentials': { response: ({ origin }) => ({ headers: [acao(origin ?? '*'), acac, vary] }) },
  echo: {
    preflight: ({ origin }) => ({
      headers: [
        acao(origin ?? '*'),
        ['Access-Control-Allow-Methods', 'PUT'],
        ['Access-Control-Allow-Headers', 'content-type'],
      ],
    }),
    response: ({ origin }) => ({ headers: [acao(origin ?? '*'), vary] }),
  },
  'redirect-put-307': {
    preflight: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Methods', 'PUT']] }),
    response: ({ page, search }) => ({
      status: 307,
      headers: [acao(page), ['Location', `/cfg/methods-star${search}`]],
    }),
  },
  'redirect-put-307-cross': {
    preflight: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Methods', 'PUT']] }),
    response: ({ page, other, search }) => ({
      status: 307,
      headers: [acao(page), ['Location', `${other}/cfg/echo${search}`]],
    }),
  },
  'redirect-303-post': {
    response: ({ page, search }) => ({
      status: 303,
      headers: [acao(page), ['Location', `/cfg/exact${search}`]],
    }),
  },
  'redirect-auth-cross': {
    preflight: ({ page }) => ({ headers: [acao(page), ['Access-Control-Allow-Headers', 'authorization']] }),
    response: ({ page, other, search }) => ({
      status: 302,
      headers: [acao(page), ['Location', `${other}/cfg/star${search}`]],
    }),
  },
  'redirect-loop': {
    response: ({ page, search }) => ({
      status: 302,
      headers: [acao(page), ['Location', `/cfg/redirect-loop${search}`]],
    }),
  },
  'no-location-302': { response: ({ page }) => ({ status: 302, headers: [acao(page), vary] }) },
  expose: {
    response: ({ page }) => ({
      headers: [
        acao(page),
        vary,
        ['Content-Type', 'application/json'],
        ['X-Total-Count', '42'],
        ['ETag', '"v1"'],
        ['Access-Control-Expose-Headers', 'X-Total-Count'],
      ],
    }),
  },
  'expose-star': {
    response: () => ({
      headers: [
        acao('*'),
        ['Content-Type', 'application/json'],
        ['X-Total-Count', '42'],
        ['Access-Control-Expose-Headers', '*'],
      ],
    }),
  },
  'server-error': { response: ({ page }) => ({ status: 500, headers: [acao(page), vary] }) },
}

/** A configuration's name (a key of {@link CONFIGS}; an unknown one answers 404). */
export type ConfigName = string

/** One request as the backend saw it. */
export interface Seen {
  readonly by: string
  readonly caseId: string
  /** `A` (the first origin) or `C` (the other one). */
  readonly server: 'A' | 'C'
  readonly method: string
  readonly path: string
  readonly origin: string | undefined
  readonly requestMethod: string | undefined
  readonly requestHeaders: string | undefined
  readonly authorization: boolean
}

/** The two backend origins and what they saw. */
export interface CorsBackend {
  readonly a: Listening
  readonly c: Listening
  readonly seen: Seen[]
  close: () => Promise<void>
}

/** Starts the backend on two loopback ports; `page` is the origin configurations allow. */
export async function startCorsBackend(page: string): Promise<CorsBackend> {
  const seen: Seen[] = []
  const origins: { a?: string; c?: string } = {}
  const handle = (name: 'A' | 'C') => (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://backend.invalid')
    seen.push({
      by: url.searchParams.get('by') ?? '',
      caseId: url.searchParams.get('case') ?? '',
      server: name,
      method: req.method ?? '',
      path: url.pathname,
      origin: req.headers.origin,
      requestMethod: req.headers['access-control-request-method'],
      requestHeaders: req.headers['access-control-request-headers'],
      authorization: req.headers.authorization !== undefined,
    })
    const config = CONFIGS[url.pathname.replace(/^\/cfg\//, '')]
    if (config === undefined) {
      res.writeHead(404).end()
      return
    }
    const self = (name === 'A' ? origins.a : origins.c) ?? ''
    const other = (name === 'A' ? origins.c : origins.a) ?? ''
    const context: ConfigContext = { page, origin: req.headers.origin, self, other, search: url.search }
    const preflight = req.method === 'OPTIONS'
    const answer = preflight ? (config.preflight ?? config.response)(context) : config.response(context)
    res.writeHead(answer.status ?? (preflight ? 204 : 200), answer.headers.flat())
    res.end(preflight ? undefined : 'ok')
  }
  const a = await listen(createServer(handle('A')))
  const c = await listen(createServer(handle('C')))
  origins.a = a.url
  origins.c = c.url
  return {
    a,
    c,
    seen,
    close: async () => {
      await Promise.all([a.close(), c.close()])
    },
  }
}
