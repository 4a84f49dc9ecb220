import { getHeader } from './get-header.ts'
import { SPEC } from './spec.ts'
import type { FetchRequest, HeaderList, Reason } from './types.ts'

/** The standard's limit: the 21st redirect is a network error. */
export const REDIRECT_LIMIT = 20

/** Redirect statuses: with a `Location`, fetch follows them (`redirect: 'follow'`, the default). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

/** Headers describing a request body, dropped when a redirect turns the request into a GET. */
const REQUEST_BODY_HEADERS = new Set([
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
])

/** A request on its way through redirects: what the next hop sends. */
export interface RequestState extends Omit<FetchRequest, 'origin'> {
  /** The page's origin; `origin` below becomes `null` after a cross-origin redirect. */
  readonly pageOrigin: string
  /** What the `Origin` header says on this hop. */
  readonly origin: string
  readonly redirectCount: number
}

/** What following one redirect gives: the next hop, or why the browser stops. */
export type RedirectOutcome =
  | { readonly kind: 'follow'; readonly next: RequestState; readonly reasons: Reason[] }
  | { readonly kind: 'blocked'; readonly reasons: Reason[] }

/** True when `status` is a redirect and `headers` has a `Location` to follow. */
export function isRedirect(status: number, headers: HeaderList): boolean {
  return REDIRECT_STATUSES.has(status) && getHeader(headers, 'location') !== null
}

function blocked(code: string, message: string): RedirectOutcome {
  return {
    kind: 'blocked',
    reasons: [{ code, severity: 'block', message, standard: SPEC.httpRedirectFetch }],
  }
}

function warn(code: string, message: string, standard: string, browsers?: string): Reason {
  return { code, severity: 'warn', message, standard, ...(browsers === undefined ? {} : { browsers }) }
}

/**
 * Follows one redirect the way fetch does in CORS mode (the redirect response has already passed the
 * CORS check): resolves `Location`, refuses other schemes, URLs with credentials and the 21st
 * redirect, turns POST into GET on 301/302 and anything into GET on 303, drops `Authorization` when
 * the origin changes, and sends `Origin: null` from the first cross-origin hop on (the
 * "redirect-tainted origin").
 * @see https://fetch.spec.whatwg.org/#http-redirect-fetch
 */
export function followRedirect(
  state: RequestState,
  response: { readonly status: number; readonly headers: HeaderList },
  options: { readonly preflighted: boolean },
): RedirectOutcome {
  const location = getHeader(response.headers, 'location') ?? ''
  let next: URL
  try {
    next = new URL(location, state.url)
  } catch {
    return blocked(
      'redirect-location-invalid',
      `The ${response.status} redirect's Location ('${location}') is not a URL.`,
    )
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return blocked(
      'redirect-scheme',
      `The ${response.status} redirect goes to ${next.protocol} URL; fetch follows only http(s).`,
    )
  }
  if (state.redirectCount >= REDIRECT_LIMIT) {
    return blocked(
      'redirect-limit',
      `More than ${REDIRECT_LIMIT} redirects: the browser gives up (a redirect loop?).`,
    )
  }
  if (next.username !== '' || next.password !== '') {
    return blocked(
      'redirect-credentials',
      `The ${response.status} redirect goes to a URL with a user name or password (${next.origin}); CORS requests refuse it.`,
    )
  }

  const reasons: Reason[] = []
  const from = new URL(state.url)
  const crossOrigin = from.origin !== next.origin
  let { method, headers, origin } = state
  if (
    ((response.status === 301 || response.status === 302) && method === 'POST') ||
    (response.status === 303 && method !== 'GET' && method !== 'HEAD')
  ) {
    reasons.push(
      warn(
        'redirect-method-changed',
        `The ${response.status} redirect turns ${method} into GET without a body (use 307 or 308 to keep the method).`,
        SPEC.httpRedirectFetch,
      ),
    )
    method = 'GET'
    headers = headers.filter(([name]) => !REQUEST_BODY_HEADERS.has(name.toLowerCase()))
  }
  if (crossOrigin && headers.some(([name]) => name.toLowerCase() === 'authorization')) {
    reasons.push(
      warn(
        'redirect-authorization-dropped',
        `The redirect goes to another origin (${next.origin}), so the browser removes the Authorization header.`,
        SPEC.httpRedirectFetch,
        'Chromium 156 removes it (checked), as the standard says.',
      ),
    )
    headers = headers.filter(([name]) => name.toLowerCase() !== 'authorization')
  }
  if (origin !== 'null' && crossOrigin && from.origin !== state.pageOrigin) {
    reasons.push(
      warn(
        'redirect-origin-null',
        `The redirect from ${from.origin} to ${next.origin} crosses origins, so from now on the browser sends ` +
          "Origin: null, and only Access-Control-Allow-Origin: * (or 'null') can pass. Call the final URL directly.",
        SPEC.taintedOrigin,
        'Chromium 156 sends Origin: null here (checked); this is the standard\'s "redirect-tainted origin".',
      ),
    )
    origin = 'null'
  }
  if (options.preflighted) {
    reasons.push(
      warn(
        'redirect-after-preflight',
        `A preflighted request was redirected (${response.status}); the browser preflights ${next.href} again before following.`,
        SPEC.httpRedirectFetch,
        'The Fetch standard and Chromium 156 (checked) follow it; browsers built on the older W3C CORS ' +
          'Recommendation fail every redirect of a preflighted request. Calling the final URL works everywhere.',
      ),
    )
  }
  return {
    kind: 'follow',
    next: { ...state, url: next.href, method, headers, origin, redirectCount: state.redirectCount + 1 },
    reasons,
  }
}
