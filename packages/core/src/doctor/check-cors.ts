import { getHeader, getHeaderValues } from './get-header.ts'
import { SPEC } from './spec.ts'
import type { CredentialsMode, HeaderList, Reason } from './types.ts'

/** What {@link checkCors} compares a response against. */
export interface CorsCheckRequest {
  /** The `Origin` the request carried: the page's origin, or `null` after a cross-origin redirect. */
  readonly origin: string
  readonly credentials: CredentialsMode
  /** Which response this is, for the messages: `the response`, `the preflight response`, ... */
  readonly on: string
}

/** Why two origins that look alike are not equal: the byte-for-byte comparison surprises people. */
function describeNearMiss(allowed: string, origin: string): string {
  if (allowed === `${origin}/`) return ' It has a trailing slash; an origin never has one.'
  if (allowed.toLowerCase() === origin.toLowerCase()) return ' The comparison is case-sensitive.'
  try {
    const a = new URL(allowed)
    const b = new URL(origin)
    if (a.hostname === b.hostname && a.protocol !== b.protocol) return ' The scheme differs (http vs https).'
    if (a.hostname === b.hostname && a.port !== b.port) return ' The port differs: an origin includes it.'
  } catch {
    // Not a URL at all: the plain message says enough.
  }
  return ''
}

function block(code: string, message: string, browsers?: string): Reason[] {
  return [
    {
      code,
      severity: 'block',
      message,
      standard: SPEC.corsCheck,
      ...(browsers === undefined ? {} : { browsers }),
    },
  ]
}

/**
 * The Fetch standard's CORS check of one response: `Access-Control-Allow-Origin` must be exactly the
 * request's origin (or `*` without credentials), sent once; with credentials,
 * `Access-Control-Allow-Credentials` must be exactly `true`. Returns the one reason the browser stops
 * at, or nothing when the check passes.
 * @see https://fetch.spec.whatwg.org/#cors-check
 */
export function checkCors(headers: HeaderList, request: CorsCheckRequest): Reason[] {
  const { origin, credentials, on } = request
  const On = on.charAt(0).toUpperCase() + on.slice(1)
  const sent = getHeaderValues(headers, 'access-control-allow-origin')
  const allowed = getHeader(headers, 'access-control-allow-origin')
  if (allowed === null) {
    return block(
      'acao-missing',
      `${On} has no Access-Control-Allow-Origin header, so the browser does not let the page${origin === 'null' ? '' : ` at ${origin}`} read it.`,
    )
  }
  if (sent.length > 1 || allowed.includes(',')) {
    const how = sent.length > 1 ? `is sent ${sent.length} times` : 'lists several origins in one header'
    return block(
      'acao-multiple',
      `Access-Control-Allow-Origin on ${on} ${how} ('${allowed}'): browsers read that as one value, which is ` +
        'no origin. Send exactly one header with exactly one origin (often two layers, e.g. the app and ' +
        'a reverse proxy, each add one).',
    )
  }
  if (allowed === '*' && credentials === 'include') {
    return block(
      'acao-wildcard-credentials',
      `Access-Control-Allow-Origin on ${on} is '*', which never allows a request with credentials ` +
        `(cookies, credentials: 'include'). Send the page's origin (${origin}) instead.`,
    )
  }
  if (allowed === '*') return []
  if (allowed !== origin) {
    if (origin === 'null') {
      return block(
        'acao-mismatch',
        `${On} allows '${allowed}', but after a cross-origin redirect the browser sends Origin: null, and ` +
          `only '*'${credentials === 'include' ? ' (not with credentials)' : ''} or 'null' passes.`,
        'Chromium 156 sends Origin: null after a cross-origin redirect (checked), as the standard says.',
      )
    }
    if (allowed === 'null') {
      return block(
        'acao-null',
        `Access-Control-Allow-Origin on ${on} is 'null', which only matches pages with an opaque origin ` +
          `(sandboxed iframes, file: pages, requests after a cross-origin redirect), not ${origin}.`,
      )
    }
    return block(
      'acao-mismatch',
      `Access-Control-Allow-Origin on ${on} is '${allowed}', but the page's origin is ${origin}.` +
        describeNearMiss(allowed, origin),
    )
  }
  if (credentials === 'omit') return []
  const allowCredentials = getHeader(headers, 'access-control-allow-credentials')
  if (allowCredentials === 'true') return []
  if (allowCredentials === null) {
    return block(
      'acac-missing',
      `${On} has no Access-Control-Allow-Credentials: true, which a request with credentials ` +
        `(credentials: 'include') needs.`,
    )
  }
  return block(
    'acac-invalid',
    `Access-Control-Allow-Credentials on ${on} is '${allowCredentials}'; it must be exactly 'true' ` +
      '(lower case, sent once).',
  )
}
