import type { Match } from '../types.ts'
import { applyHeaderOverrides } from './apply-header-overrides.ts'
import type { CorsPolicy } from './cors.ts'
import type { RequestBody } from './parse-request-body.ts'
import { rewriteRequestCookie } from './rewrite-request-cookie.ts'
import { stripHopByHop } from './strip-hop-by-hop.ts'
import type { DevOrigin, HeaderRecord, ReadonlyHeaderRecord } from './types.ts'

/** The facts about one request that {@link toUpstreamHeaders} needs. */
export interface ToUpstreamHeadersContext {
  /** The matched route and upstream URL. */
  readonly match: Match
  /** The origin the browser used (from `toDevOrigin`). */
  readonly dev: DevOrigin
  /** The browser's IP address (`socket.remoteAddress`); `undefined` removes `X-Forwarded-For`. */
  readonly clientAddress: string | undefined
  /** A WebSocket (or other) upgrade handshake: `Connection: upgrade` and `Upgrade` are kept. */
  readonly upgrade?: boolean
  /** How the request's body is delimited (`parseRequestBody`): decides the upstream framing. */
  readonly body: RequestBody
  /** The request method: a request without a body declares `Content-Length: 0` unless GET or HEAD. */
  readonly method: string
  /**
   * CORS mode's policy (`createProxy`'s `cors`): an `Origin` or `Referer` on one of its listed origins
   * is rewritten like the dev origin's. `undefined`: same-origin mode.
   */
  readonly cors?: CorsPolicy
}

const SLASH = 47
const QUESTION_MARK = 63
const HASH = 35

/**
 * The headers to send upstream for a browser request. A new record; `incoming` is not touched.
 * In order:
 * 1. Hop-by-hop fields removed (`stripHopByHop`), except the upgrade pair for an upgrade.
 * 2. `Host`: the target's host when `route.changeOrigin`, else the browser's (`:authority` over h2).
 * 3. `route.xfwd`: `X-Forwarded-For` (client address), `-Proto` (`http`/`https`), `-Host` (as the
 *    browser sent it) and `-Port` **replace** whatever the client sent, so a page cannot spoof them,
 *    and a client-sent `Forwarded` (RFC 7239) is removed so the backend cannot read a second, forged
 *    story. With `xfwd: false` all of these pass through untouched: that user wants the forwarding
 *    headers of a proxy in front of the dev server (a tunnel, a container) to reach the backend.
 * 4. `route.rewriteOrigin`: an `Origin` equal to the dev origin becomes the target's origin, and a
 *    `Referer` on the dev origin keeps its path, query and fragment on the target's origin (its path
 *    is a dev-server page, usually not one of the route's paths, so it is not mapped). In CORS mode
 *    the same goes for each origin `cors.origins` lists by name (the pages the user let call the
 *    proxy); with `origins: '*'` none (any site could then pass the backend's Origin check). Other
 *    values, `Origin: null` included, pass untouched.
 * 5. `Cookie`: names marked by `rewriteSetCookie` on a plain-http dev server get their real name back,
 *    whatever `route.cookies` says (only sameorigin makes such names; no backend knows them).
 * 6. `route.headers`: set (string) or removed (`null`), winning over every rule above (config
 *    validation refuses the framing fields `Content-Length` and `Transfer-Encoding` there).
 * 7. Framing, from `body` alone (never from the client's fields, which step 1 removed or which may
 *    not match the transport): `none` → `Content-Length: 0` (GET and HEAD: no framing field);
 *    `length` → `Content-Length: <n>`; `stream` → `Transfer-Encoding: chunked` and
 *    `Connection: close`, so the connection that carried a chunked body is never reused (an
 *    upstream's chunk parser is where desyncs live). Node frames what it writes by these fields
 *    only: for GET, HEAD, DELETE, OPTIONS and TRACE it writes an unannounced body raw.
 *
 * `Accept-Encoding` is forwarded as the browser sent it: the engine never decompresses or compresses.
 */
export function toUpstreamHeaders(
  incoming: ReadonlyHeaderRecord,
  context: ToUpstreamHeadersContext,
): HeaderRecord {
  const { match, dev } = context
  const route = match.route
  const headers = stripHopByHop(incoming, { keepUpgrade: context.upgrade === true })

  if (route.changeOrigin) headers.host = route.target.host
  else {
    const host = incoming.host ?? incoming[':authority']
    if (typeof host === 'string') headers.host = host
  }

  if (route.xfwd) {
    if (context.clientAddress === undefined || context.clientAddress === '') delete headers['x-forwarded-for']
    else headers['x-forwarded-for'] = context.clientAddress
    headers['x-forwarded-proto'] = dev.protocol === 'https:' ? 'https' : 'http'
    headers['x-forwarded-host'] = dev.host
    headers['x-forwarded-port'] = String(dev.port)
    delete headers.forwarded
  }

  if (route.rewriteOrigin) {
    const origin = headers.origin
    if (typeof origin === 'string' && isRewrittenOrigin(origin, dev, context.cors)) {
      headers.origin = route.target.origin
    }
    const referer = headers.referer
    const from = typeof referer === 'string' ? findRefererOrigin(referer, dev, context.cors) : undefined
    if (from !== undefined) headers.referer = route.target.origin + (referer as string).slice(from.length)
  }

  const cookie = headers.cookie
  if (typeof cookie === 'string') headers.cookie = rewriteRequestCookie(cookie)
  else if (cookie !== undefined) headers.cookie = cookie.map(rewriteRequestCookie)

  applyHeaderOverrides(headers, route.headers)
  setFraming(headers, context.body, context.method)
  return headers
}

/**
 * Applies the values a route's headers function returned to a record {@link toUpstreamHeaders} built,
 * in its step 6's place: they win over every rule, and the framing (step 7) is set again after them so
 * it stays the body's (the values were checked: they cannot name a framing field).
 */
export function applyComputedHeaders(
  headers: HeaderRecord,
  computed: Readonly<Record<string, string | null>>,
  body: RequestBody,
  method: string,
): void {
  applyHeaderOverrides(headers, computed)
  setFraming(headers, body, method)
}

function setFraming(headers: HeaderRecord, body: RequestBody, method: string): void {
  delete headers['content-length']
  delete headers['transfer-encoding']
  if (body.kind === 'length') headers['content-length'] = String(body.length)
  else if (body.kind === 'stream') {
    headers['transfer-encoding'] = 'chunked'
    headers.connection = 'close'
  } else if (method !== 'GET' && method !== 'HEAD') headers['content-length'] = '0'
}

/** Whether `origin` is the dev origin or, in CORS mode, an origin the policy lists by name. */
function isRewrittenOrigin(origin: string, dev: DevOrigin, cors: CorsPolicy | undefined): boolean {
  if (origin === dev.origin) return true
  return cors !== undefined && cors.origins !== '*' && cors.origins.has(origin)
}

/** The origin among those {@link isRewrittenOrigin} accepts that the URL `referer` is on, if any. */
function findRefererOrigin(
  referer: string,
  dev: DevOrigin,
  cors: CorsPolicy | undefined,
): string | undefined {
  if (isOnOrigin(referer, dev.origin)) return dev.origin
  if (cors === undefined || cors.origins === '*') return undefined
  for (const origin of cors.origins) if (isOnOrigin(referer, origin)) return origin
  return undefined
}

/** Whether the absolute URL `url` starts with `origin` followed by a path, query, fragment or nothing. */
function isOnOrigin(url: string, origin: string): boolean {
  if (!url.startsWith(origin)) return false
  if (url.length === origin.length) return true
  const next = url.charCodeAt(origin.length)
  return next === SLASH || next === QUESTION_MARK || next === HASH
}
