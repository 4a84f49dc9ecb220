import type { ExchangeLog } from '../inspect/index.ts'
import { INSPECTOR_BASE_PATH } from './paths.ts'
import type { ApiContext } from './inspector-api.ts'
import { getCurl, getExchange, getHar, listExchanges } from './inspector-api.ts'
import { createInspectorSessions, readSessionToken, toSessionCookie } from './inspector-session.ts'
import { refuseCrossSite } from './refuse-cross-site.ts'
import { respondAsset, respondError, respondJson } from './respond.ts'
import { serveEvents } from './serve-events.ts'

export { INSPECTOR_BASE_PATH }

/** The page's files, by name, and their types: nothing else is ever read. */
export const INSPECTOR_ASSETS: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'inspector.css': 'text/css; charset=utf-8',
  'inspector.js': 'text/javascript; charset=utf-8',
  'inspector-blocked.js': 'text/javascript; charset=utf-8',
  'inspector-detail.js': 'text/javascript; charset=utf-8',
  'inspector-dom.js': 'text/javascript; charset=utf-8',
  'inspector-table.js': 'text/javascript; charset=utf-8',
}

/** Options of {@link createInspectorHandler}. */
export interface InspectorHandlerOptions {
  /**
   * Reads one of the page's files (a name of `INSPECTOR_ASSETS`: `index.html`, `inspector.css`,
   * `inspector.js`…); `undefined` when missing. On Node, `readInspectorAsset` reads the files shipped in the package.
   * @default none: the API is served, the page answers 404
   */
  readonly assets?: (name: string) => Promise<Uint8Array | undefined>
  /** HAR's `log.creator`. @default { name: 'sameorigin', version: '0.0.0' } */
  readonly creator?: { readonly name: string; readonly version: string }
  /** Between two heartbeat comments of the event stream, in ms. @default 15000 */
  readonly heartbeatMs?: number
}

/** A Fetch handler: an answer for the inspector's paths, `undefined` for every other. */
export type InspectorHandler = (request: Request) => Promise<Response | undefined>

/**
 * The inspector, served under `/__sameorigin/` from `log` (no `node:` module: every transport mounts it).
 *
 * - `GET /__sameorigin/`: the page; `GET /__sameorigin/<file>`: its files (`INSPECTOR_ASSETS`).
 * - `GET .../api/exchanges?text=&status=4xx,5xx&route=/api`: records, newest first, bodies' text left out.
 * - `DELETE .../api/exchanges`: empties the log.
 * - `GET .../api/exchanges/:id`: `{ exchange, changes }`, with bodies and every change explained.
 * - `GET .../api/exchanges/:id/curl`: "Copy as curl" (text).
 * - `GET .../api/events`: a server-sent event stream of the log (`start`, `update`, `end`, `evict`, `clear`).
 * - `GET .../api/har?ids=3,4` (or the list's filter): a HAR 1.2 download.
 * - `GET .../api/session`: `{ showSecrets }`; `POST .../api/session {"showSecrets": true|false}` turns
 *   the session's switch, kept by an `HttpOnly; SameSite=Strict` cookie holding a server-side token.
 *
 * Secrets are masked (`maskExchange`) unless the session's cookie is present. A request a browser
 * marks `Sec-Fetch-Site: cross-site` is refused (403), and so is a state-changing one whose `Origin`
 * is not the dev server's own. The caller mounts this handler after the dev server's host check
 * (DNS rebinding), which it does not repeat.
 * @example
 * const inspector = createInspectorHandler(log, { assets: readInspectorAsset })
 * const answer = await inspector(request) // undefined: not the inspector's path
 */
export function createInspectorHandler(
  log: ExchangeLog,
  options: InspectorHandlerOptions = {},
): InspectorHandler {
  const sessions = createInspectorSessions()
  const creator = options.creator ?? { name: 'sameorigin', version: '0.0.0' }
  return async (request) => {
    const url = new URL(request.url)
    if (url.pathname === INSPECTOR_BASE_PATH.slice(0, -1))
      return new Response(null, { status: 308, headers: { location: INSPECTOR_BASE_PATH } })
    if (!url.pathname.startsWith(INSPECTOR_BASE_PATH)) return undefined
    const refusal = refuseCrossSite(request)
    if (refusal !== undefined) return respondError(403, refusal)
    const path = url.pathname.slice(INSPECTOR_BASE_PATH.length)
    const context: ApiContext = { log, showSecrets: sessions.showsSecrets(request), creator }
    if (!path.startsWith('api/')) return serveAsset(request, path === '' ? 'index.html' : path, options)
    const route = path.slice('api/'.length)
    const get = request.method === 'GET' || request.method === 'HEAD'
    if (route === 'session') {
      if (get) return respondJson({ showSecrets: context.showSecrets })
      if (request.method !== 'POST') return notAllowed('GET, POST')
      return turnSwitch(request, sessions)
    }
    if (route === 'exchanges' && request.method === 'DELETE') {
      log.clear()
      return new Response(null, { status: 204 })
    }
    if (!get) return notAllowed(route === 'exchanges' ? 'GET, DELETE' : 'GET')
    if (route === 'exchanges') return listExchanges(context, url.searchParams)
    if (route === 'events')
      return serveEvents(log, {
        showSecrets: context.showSecrets,
        heartbeatMs: options.heartbeatMs,
        signal: request.signal,
      })
    if (route === 'har') return getHar(context, url.searchParams, new Date())
    const one = /^exchanges\/(\d+)(\/curl)?$/.exec(route)
    if (one === null) return respondError(404, `${url.pathname} is not an inspector endpoint.`)
    const id = Number(one[1])
    return one[2] === undefined ? getExchange(context, id) : getCurl(context, id)
  }
}

async function serveAsset(
  request: Request,
  name: string,
  options: InspectorHandlerOptions,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notAllowed('GET')
  const type = Object.hasOwn(INSPECTOR_ASSETS, name) ? INSPECTOR_ASSETS[name] : undefined
  const bytes = type === undefined ? undefined : await options.assets?.(name)
  if (type === undefined || bytes === undefined)
    return respondError(404, `The inspector has no file ${name}.`)
  return respondAsset(bytes, type)
}

async function turnSwitch(
  request: Request,
  sessions: ReturnType<typeof createInspectorSessions>,
): Promise<Response> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    body = undefined
  }
  const show = (body as { showSecrets?: unknown } | undefined)?.showSecrets
  if (typeof show !== 'boolean')
    return respondError(400, 'The body must be JSON with a boolean showSecrets, e.g. {"showSecrets": true}.')
  sessions.revoke(readSessionToken(request))
  const token = show ? sessions.grant() : undefined
  return respondJson({ showSecrets: show }, 200, {
    'set-cookie': toSessionCookie(token, INSPECTOR_BASE_PATH),
  })
}

function notAllowed(allow: string): Response {
  return respondError(405, `Use ${allow} here.`, { allow })
}
