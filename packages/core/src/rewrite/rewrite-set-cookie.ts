import { hasSecureCookiePrefix } from './has-secure-cookie-prefix.ts'
import { mapDevPath } from './map-dev-path.ts'
import { SECURE_COOKIE_MARKER } from './secure-cookie-marker.ts'

/** What {@link rewriteSetCookie} needs to know about the dev server and the route. */
export interface RewriteSetCookieContext {
  /** Whether the browser reaches the dev server over https (`DevOrigin.protocol === 'https:'`). */
  readonly devSecure: boolean
  /** The route's reverse mapping (`ResolvedRoute.toDevPath`). */
  readonly toDevPath: (upstreamPath: string) => string | undefined
}

const SLASH = 47

/**
 * Rewrites one `Set-Cookie` value so the browser stores the cookie for the dev origin, and never for
 * anything wider. Attributes are found as browsers find them (RFC 6265 §5.2, kept by 6265bis: split
 * on `;`, names case-insensitive, whitespace trimmed); order, spelling and unknown attributes are kept, and a value
 * that needs no change is returned as the same string.
 *
 * - `Domain` is dropped: the cookie becomes host-only, for the dev host (RFC 6265 §5.2.3). Browsers do not
 *   separate cookies by port, so other servers on the same host name see it too.
 * - `Path` inside the target's base path goes through `toDevPath` (`Path=/v1` under
 *   `/api → https://s/v1` becomes `Path=/api`). A path the route cannot map is kept as it is:
 *   `Path=/` stays `/`, which the frontend pages need (a CSRF token cookie read by page scripts), and
 *   is no wider than the dev origin. `__Host-` cookies keep theirs, which must be `/` (6265bis "Cookie Name Prefixes").
 * - On a plain-http dev server (`devSecure: false`): `Secure` and `Partitioned` (which requires
 *   `Secure`) are dropped, `SameSite=None` (which browsers refuse without `Secure`) becomes `SameSite=Lax`,
 *   and a `__Secure-` / `__Host-` / `__Http-` name gets {@link SECURE_COOKIE_MARKER} in front, which
 *   `rewriteRequestCookie` removes on the way back, so the backend sees its own name.
 * - `Expires`, `Max-Age`, `HttpOnly` and the name and value are untouched.
 *
 * Never throws; malformed values pass with only the rules above applied.
 * @example rewriteSetCookie('sid=1; Domain=staging.example.com; Path=/v1; Secure; SameSite=None', {
 *   devSecure: false,
 *   toDevPath: route.toDevPath, // '/api' → 'https://staging.example.com/v1'
 * }) // → 'sid=1; Path=/api; SameSite=Lax'
 */
export function rewriteSetCookie(setCookie: string, context: RewriteSetCookieContext): string {
  const parts = setCookie.split(';')
  const insecure = !context.devSecure
  let pair = parts[0] ?? ''
  // The name is what precedes the first `=`; without one, the name is empty (6265bis
  // "The Set-Cookie Header Field", as browsers do).
  const named = pair.includes('=') ? pair.trimStart() : ''
  const keepPath = named.slice(0, 7).toLowerCase() === '__host-'
  let changed = false
  if (insecure && hasSecureCookiePrefix(named)) {
    pair = SECURE_COOKIE_MARKER + named
    changed = true
  }
  const kept: string[] = [pair]
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k] ?? ''
    const eq = part.indexOf('=')
    const attribute = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase()
    const replacement = rewriteAttribute(attribute, part, eq, insecure, keepPath, context.toDevPath)
    if (replacement === part) kept.push(part)
    else {
      if (replacement !== undefined) kept.push(replacement)
      changed = true
    }
  }
  return changed ? kept.join(';') : setCookie
}

/** One attribute's fate: kept (the same `part`), replaced (a new string) or dropped (`undefined`). */
function rewriteAttribute(
  attribute: string,
  part: string,
  eq: number,
  insecure: boolean,
  keepPath: boolean,
  toDevPath: (upstreamPath: string) => string | undefined,
): string | undefined {
  switch (attribute) {
    case 'domain':
      return undefined
    case 'secure':
    case 'partitioned':
      return insecure ? undefined : part
    case 'samesite':
      return insecure && attributeValue(part, eq).toLowerCase() === 'none' ? ' SameSite=Lax' : part
    case 'path': {
      if (keepPath) return part
      const path = attributeValue(part, eq)
      // A value not starting with `/` makes the browser use the request's default path (RFC 6265
      // §5.2.4, §5.1.4), which is already a dev path.
      if (path.charCodeAt(0) !== SLASH) return part
      const mapped = toDevScope(toDevPath, path)
      return mapped === undefined || mapped === path || mapped.includes(';') ? part : ` Path=${mapped}`
    }
    default:
      return part
  }
}

/** The trimmed value of an attribute, `''` when it has none. */
function attributeValue(part: string, eq: number): string {
  return eq === -1 ? '' : part.slice(eq + 1).trim()
}

/**
 * A path of RFC 3986 `pchar`s and slashes, no escapes: what a request path holds byte for byte. A
 * Path with a `%` or with a character browsers percent-encode (`"`, space, `{`...) names no request
 * path as written, and mapping it would encode it into one.
 */
const PLAIN_PATH = /^[\w\-.~!$&'()*+,;=:@/]*$/

/** A path segment no route treats specially, to test what happens below a cookie's Path. */
const PROBE = 'sameorigin-scope-probe'

/**
 * The dev path whose scope is the cookie `path`'s scope, or `undefined` to keep `path` as it is. A
 * cookie's Path is a literal prefix (RFC 6265 §5.1.4): browsers neither decode nor resolve dot
 * segments in it. So only a path already in normal form is mapped (`/v1/.` or `/v1/%78` would be
 * normalised first and widen the cookie, `/v1/"` encoded into another path), and only when the route maps the paths below it to paths
 * below the answer: a template that reorders parameters (route `/users/:id/:rest*` rewritten to
 * `/r/{rest}/{id}`) maps `/r/x/42` to `/users/42/x`, whose sub-paths forward outside `/r/x/42`. Keeping a Path never
 * widens the cookie beyond what the backend set.
 */
function toDevScope(
  toDevPath: (upstreamPath: string) => string | undefined,
  path: string,
): string | undefined {
  if (!PLAIN_PATH.test(path) || /\/\.{1,2}(?:\/|$)|\/\//.test(path)) return undefined
  const mapped = mapDevPath(toDevPath, path)
  if (mapped === undefined) return undefined
  const base = path.endsWith('/') ? path : `${path}/`
  const devBase = mapped.endsWith('/') ? mapped : `${mapped}/`
  // Below a route that matches exact paths (`/users/:id`) nothing maps back: nothing is forwarded there.
  const below = mapDevPath(toDevPath, base + PROBE)
  return below === undefined || below === devBase + PROBE ? mapped : undefined
}
