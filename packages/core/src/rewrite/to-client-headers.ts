import type { Match } from '../types.ts'
import { applyHeaderOverrides } from './apply-header-overrides.ts'
import { rewriteLocation } from './rewrite-location.ts'
import type { RewriteLocationContext } from './rewrite-location.ts'
import { rewriteRefresh } from './rewrite-refresh.ts'
import { rewriteSetCookie } from './rewrite-set-cookie.ts'
import type { RewriteSetCookieContext } from './rewrite-set-cookie.ts'
import { stripHopByHop } from './strip-hop-by-hop.ts'
import type { DevOrigin, HeaderRecord, ReadonlyHeaderRecord } from './types.ts'

/** The facts about one response that {@link toClientHeaders} needs. */
export interface ToClientHeadersContext {
  /** The matched route and the upstream URL this response answers. */
  readonly match: Match
  /** The origin the browser used (from `toDevOrigin`). */
  readonly dev: DevOrigin
  /** The upstream status; `101` keeps the upgrade pair of a WebSocket handshake answer. */
  readonly status: number
}

/**
 * Policies an origin sets for itself. From the target they would bind the dev origin instead: HSTS
 * from staging on `https://localhost:5173` pins every `localhost` port to https for months, and an
 * `Alt-Svc` names an alternative for the target's authority, not the dev server's (RFC 6797 §8.1,
 * RFC 7838 §2). Removed always; `route.responseHeaders` can set them back.
 */
const TARGET_ONLY_HEADERS = ['strict-transport-security', 'alt-svc'] as const

/**
 * The headers to send the browser for an upstream response. A new record; `upstream` is not touched.
 * In order:
 * 1. Hop-by-hop fields removed (`stripHopByHop`): `Transfer-Encoding` goes (Node frames the body
 *    again), `Content-Length` stays; the upgrade pair stays on a `101`.
 * 2. `Strict-Transport-Security` and `Alt-Svc` removed (see above).
 * 3. `route.cookies`: every `Set-Cookie` through `rewriteSetCookie`. Pass them as an array (Node's
 *    `IncomingMessage.headers`, `Headers.getSetCookie()`); a single string is one cookie, since
 *    joined cookies cannot be split reliably (`Expires` contains a comma).
 * 4. `route.redirects`: `Location` and `Content-Location` through `rewriteLocation`, `Refresh` through
 *    `rewriteRefresh`, relative to `match.upstreamUrl`.
 * 5. `route.responseHeaders`: set (string) or removed (`null`), last.
 *
 * Everything else (`Vary`, `Cache-Control`, `ETag`, CORS headers...) passes untouched.
 */
export function toClientHeaders(
  upstream: ReadonlyHeaderRecord,
  context: ToClientHeadersContext,
): HeaderRecord {
  const { match } = context
  const route = match.route
  const headers = stripHopByHop(upstream, { keepUpgrade: context.status === 101 })
  for (const name of TARGET_ONLY_HEADERS) delete headers[name]

  const setCookie = headers['set-cookie']
  if (route.cookies && setCookie !== undefined) {
    const cookieContext: RewriteSetCookieContext = {
      devSecure: context.dev.protocol === 'https:',
      toDevPath: route.toDevPath,
    }
    headers['set-cookie'] =
      typeof setCookie === 'string'
        ? rewriteSetCookie(setCookie, cookieContext)
        : setCookie.map((value) => rewriteSetCookie(value, cookieContext))
  }

  if (route.redirects) {
    const location = headers.location
    const contentLocation = headers['content-location']
    const refresh = headers.refresh
    if (location !== undefined || contentLocation !== undefined || refresh !== undefined) {
      const locationContext: RewriteLocationContext = {
        targetOrigin: route.target.origin,
        requestUrl: match.upstreamUrl,
        toDevPath: route.toDevPath,
      }
      if (location !== undefined) headers.location = each(location, rewriteLocation, locationContext)
      if (contentLocation !== undefined) {
        headers['content-location'] = each(contentLocation, rewriteLocation, locationContext)
      }
      if (refresh !== undefined) headers.refresh = each(refresh, rewriteRefresh, locationContext)
    }
  }

  applyHeaderOverrides(headers, route.responseHeaders)
  return headers
}

/** Applies `rewrite` to a header value, or to each of its repeated values. */
function each(
  value: string | string[],
  rewrite: (value: string, context: RewriteLocationContext) => string,
  context: RewriteLocationContext,
): string | string[] {
  return typeof value === 'string' ? rewrite(value, context) : value.map((item) => rewrite(item, context))
}
