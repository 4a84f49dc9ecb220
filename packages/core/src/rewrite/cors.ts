import type { HeaderRecord, ReadonlyHeaderRecord } from './types.ts'

/**
 * Which pages may call the proxy cross-origin (CORS mode: `sameorigin serve --allow-origin`), as the
 * engine holds it after validation (`createProxy`'s `cors` option).
 */
export interface CorsPolicy {
  /** Serialised origins (`http://localhost:6006`), or `'*'` for any origin (never with credentials). */
  readonly origins: ReadonlySet<string> | '*'
  /** Answer `Access-Control-Allow-Credentials: true`, so pages may send cookies. */
  readonly credentials: boolean
  /** Seconds a browser may cache a preflight answer (`Access-Control-Max-Age`). */
  readonly maxAge: number
}

/**
 * Response headers every cross-origin page can read, exposed or not (Fetch standard,
 * "CORS-safelisted response-header name"). Every other name must be listed in
 * `Access-Control-Expose-Headers` for a page to read it.
 */
export const CORS_SAFELISTED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
])

/** Never readable by page scripts whatever is exposed (Fetch standard, "forbidden response-header name"). */
const FORBIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2'])

/** An HTTP token (RFC 9110 §5.6.2): what a method or a header name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Whether `origin` (a request's `Origin` value) may call the proxy. `null` never may. */
export function isCorsOriginAllowed(policy: CorsPolicy, origin: string): boolean {
  if (origin === 'null') return false
  return policy.origins === '*' || policy.origins.has(origin)
}

/**
 * The CORS headers of an answer to an allowed `origin`: the origin echoed with `Vary: Origin` (or `*`
 * when any origin may call and no credentials are sent), and `Access-Control-Allow-Credentials`.
 * Never `*` together with credentials: browsers refuse that pair (Fetch standard, CORS check).
 */
export function toCorsHeaders(policy: CorsPolicy, origin: string): HeaderRecord {
  const headers: HeaderRecord = Object.create(null) as HeaderRecord
  if (policy.origins === '*' && !policy.credentials) {
    headers['access-control-allow-origin'] = '*'
    return headers
  }
  headers['access-control-allow-origin'] = origin
  headers.vary = 'Origin'
  if (policy.credentials) headers['access-control-allow-credentials'] = 'true'
  return headers
}

/** A comma-separated request header as a list of valid tokens, lower-cased; anything else dropped. */
function toTokenList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return []
  const joined = typeof value === 'string' ? value : value.join(',')
  return joined
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => TOKEN.test(item))
}

/**
 * The answer to a CORS preflight from an allowed `origin`: the method and headers the browser asked
 * for are allowed (the proxy does not know the backend's rules better than the backend; it only makes
 * the calls possible), cached for `maxAge` seconds. Echoed values are validated tokens, never raw
 * request text. Answers Private Network Access preflights too (a page on a public address calling
 * this loopback proxy).
 */
export function toPreflightHeaders(
  policy: CorsPolicy,
  origin: string,
  request: ReadonlyHeaderRecord,
): HeaderRecord {
  const headers = toCorsHeaders(policy, origin)
  const method = toTokenList(request['access-control-request-method'])[0]
  if (method !== undefined) headers['access-control-allow-methods'] = method.toUpperCase()
  const asked = toTokenList(request['access-control-request-headers'])
  if (asked.length > 0) headers['access-control-allow-headers'] = asked.join(', ')
  headers['access-control-max-age'] = String(policy.maxAge)
  if (request['access-control-request-private-network'] === 'true')
    headers['access-control-allow-private-network'] = 'true'
  // The answer depends on all three: caches must not reuse it for another origin or request.
  headers.vary = 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers'
  return headers
}

/**
 * An upstream answer's headers for an allowed `origin`: the upstream's own `Access-Control-*` fields
 * removed (a backend's `*` would break credentialed calls; the proxy speaks CORS for it), the policy's
 * added, `Origin` added to `Vary`, and every non-safelisted header exposed to the page. A new record.
 */
export function withCorsHeaders(upstream: HeaderRecord, policy: CorsPolicy, origin: string): HeaderRecord {
  const headers: HeaderRecord = Object.create(null) as HeaderRecord
  const exposed: string[] = []
  for (const [name, value] of Object.entries(upstream)) {
    if (name.startsWith('access-control-')) continue
    headers[name] = value
    if (
      !CORS_SAFELISTED_RESPONSE_HEADERS.has(name) &&
      !FORBIDDEN_RESPONSE_HEADERS.has(name) &&
      name !== 'vary'
    )
      exposed.push(name)
  }
  const cors = toCorsHeaders(policy, origin)
  for (const [name, value] of Object.entries(cors)) {
    if (name !== 'vary') headers[name] = value
  }
  if (cors.vary !== undefined) {
    const vary = headers.vary
    const current = vary === undefined ? [] : (Array.isArray(vary) ? vary.join(',') : vary).split(',')
    const names = current.map((item) => item.trim()).filter((item) => item !== '')
    if (!names.some((item) => item === '*' || item.toLowerCase() === 'origin')) names.push('Origin')
    headers.vary = names.join(', ')
  }
  if (exposed.length > 0) headers['access-control-expose-headers'] = exposed.join(', ')
  return headers
}
