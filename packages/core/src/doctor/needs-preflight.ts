import type { FetchRequest, HeaderList } from './types.ts'

// The Fetch standard's rules for when a cross-origin request needs a CORS preflight, and which
// headers a page cannot set at all. Browsers apply them before anything is sent.
// https://fetch.spec.whatwg.org/#cors-safelisted-method and the sections after it.

/** Methods a page can use cross-origin without a preflight. */
const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST'])

/** Methods fetch upper-cases; every other method is sent exactly as written (`patch` stays `patch`). */
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'])

/** Methods `fetch()` refuses with a TypeError before sending anything. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK'])

/** Request headers a page cannot set: the browser owns them and drops the page's value silently. */
const FORBIDDEN_REQUEST_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
])

/** Headers that smuggle a method past the forbidden-method rule; forbidden when they name one. */
const METHOD_OVERRIDE_HEADERS = new Set(['x-http-method', 'x-http-method-override', 'x-method-override'])

/** The safelisted `Content-Type` essences: what an HTML form can send without JavaScript. */
const SAFELISTED_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
])

/** A safelisted header's value is capped at 128 bytes, and all safelisted values together at 1024. */
const SAFELISTED_VALUE_LIMIT = 128
const SAFELISTED_TOTAL_LIMIT = 1024

/** fetch's method normalisation: the six standard methods are upper-cased, others kept as written. */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase()
  return NORMALIZED_METHODS.has(upper) ? upper : method
}

/** `GET`, `HEAD` and `POST` (case-sensitive, after {@link normalizeMethod}). */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method)
}

/** `CONNECT`, `TRACE`, `TRACK` in any case: `fetch()` throws a TypeError for them. */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(method.toUpperCase())
}

/**
 * True for headers a page cannot set (the browser drops them): `Cookie`, `Host`, `Origin`, `Referer`,
 * `Content-Length`, every `Proxy-*` and `Sec-*`, and method-override headers naming a forbidden method.
 * @see https://fetch.spec.whatwg.org/#forbidden-request-header
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase()
  if (FORBIDDEN_REQUEST_HEADERS.has(lower)) return true
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true
  if (METHOD_OVERRIDE_HEADERS.has(lower)) {
    return value.split(',').some((item) => isForbiddenMethod(item.trim()))
  }
  return false
}

/** The bytes the standard calls CORS-unsafe in a header value: controls (not tab), `"():<>?@[\]{}` and DEL. */
function hasUnsafeByte(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0)
    if ((code < 0x20 && code !== 0x09) || code === 0x7f || '"():<>?@[\\]{}'.includes(char)) return true
  }
  return false
}

/** The MIME type essence (`type/subtype`, lower-cased), or `null` when the value is no MIME type. */
function mimeEssence(value: string): string | null {
  const match = /^[\t\n\r ]*([^/;]+)\/([^;]*?)[\t\n\r ]*(?:;|$)/.exec(value)
  if (match === null) return null
  const [, type = '', subtype = ''] = match
  const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
  if (!token.test(type) || !token.test(subtype)) return null
  return `${type}/${subtype}`.toLowerCase()
}

/** `bytes=<start>-[<end>]`: the one Range form the standard safelists (no suffix ranges, no lists). */
function isSimpleRange(value: string): boolean {
  const match = /^bytes=(\d+)-(\d*)$/.exec(value)
  if (match === null) return false
  const [, start = '', end = ''] = match
  return end === '' || Number(start) <= Number(end)
}

/**
 * True when `name: value` can be sent cross-origin without a preflight: `Accept`, `Accept-Language`,
 * `Content-Language`, `Content-Type` (form and plain-text types) and simple `Range`, each with a value
 * of at most 128 bytes made of the allowed characters.
 * @see https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > SAFELISTED_VALUE_LIMIT) return false
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasUnsafeByte(value)
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value)
    case 'content-type': {
      if (hasUnsafeByte(value)) return false
      const essence = mimeEssence(value)
      return essence !== null && SAFELISTED_CONTENT_TYPES.has(essence)
    }
    case 'range':
      return isSimpleRange(value)
    default:
      return false
  }
}

/**
 * The names a preflight must ask for (`Access-Control-Request-Headers`): every header that is not
 * safelisted, plus every safelisted one when their values add up to more than 1024 bytes; lower-cased,
 * without duplicates, sorted, as browsers send them.
 * @see https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 */
export function corsUnsafeRequestHeaderNames(headers: HeaderList): string[] {
  const unsafe: string[] = []
  const potentiallyUnsafe: string[] = []
  let safelistedSize = 0
  for (const [name, value] of headers) {
    if (isCorsSafelistedRequestHeader(name, value)) {
      potentiallyUnsafe.push(name)
      safelistedSize += value.length
    } else {
      unsafe.push(name)
    }
  }
  if (safelistedSize > SAFELISTED_TOTAL_LIMIT) unsafe.push(...potentiallyUnsafe)
  return [...new Set(unsafe.map((name) => name.toLowerCase()))].toSorted()
}

/**
 * True when a browser sends a CORS preflight (`OPTIONS`) before `request`: a method other than GET,
 * HEAD and POST, or a header that is not safelisted.
 * @example
 * needsPreflight({ method: 'GET', headers: [['Content-Type', 'application/json']], ... }) // true
 */
export function needsPreflight(request: Pick<FetchRequest, 'method' | 'headers'>): boolean {
  return !isCorsSafelistedMethod(request.method) || corsUnsafeRequestHeaderNames(request.headers).length > 0
}
