import { checkCors } from './check-cors.ts'
import { extractHeaderListValues } from './extract-header-list-values.ts'
import { getHeader } from './get-header.ts'
import { corsUnsafeRequestHeaderNames, isCorsSafelistedMethod } from './needs-preflight.ts'
import { SPEC } from './spec.ts'
import type { FetchRequest, HeaderList, Reason } from './types.ts'

/** The longest Chromium keeps a preflight answer, whatever `Access-Control-Max-Age` says (2 hours). */
export const CHROMIUM_MAX_AGE_CAP = 7200

/** The only header `Access-Control-Allow-Headers: *` never covers in the standard. */
const NON_WILDCARD_HEADER = 'authorization'

/** What {@link checkPreflight} needs to know about the request the preflight asks for. */
export interface PreflightCheckRequest extends Pick<FetchRequest, 'method' | 'headers' | 'credentials'> {
  /** The `Origin` the preflight carried (`null` after a cross-origin redirect). */
  readonly origin: string
}

function block(code: string, message: string, standard: string, browsers?: string): Reason {
  return { code, severity: 'block', message, standard, ...(browsers === undefined ? {} : { browsers }) }
}

function warn(code: string, message: string, standard: string, browsers?: string): Reason {
  return { code, severity: 'warn', message, standard, ...(browsers === undefined ? {} : { browsers }) }
}

function checkStatus(status: number): Reason[] {
  if (status >= 200 && status <= 299) return []
  if (status >= 300 && status <= 399) {
    return [
      block(
        'preflight-redirect',
        `The preflight (OPTIONS) was answered with a ${status} redirect. Browsers never follow a redirect ` +
          'of a preflight: it must be answered where it was sent, with a 2xx status.',
        SPEC.corsPreflightFetch,
        'Every browser fails it; only the actual request (after a successful preflight) may be redirected.',
      ),
    ]
  }
  return [
    block(
      'preflight-status',
      `The preflight (OPTIONS) was answered with ${status}; it needs a 2xx status (204 is usual). The server ` +
        'probably has no OPTIONS route for this path, or its authentication runs before CORS (a preflight ' +
        'never carries cookies or Authorization).',
      SPEC.okStatus,
    ),
  ]
}

function checkMethods(headers: HeaderList, request: PreflightCheckRequest): Reason[] {
  const methods = extractHeaderListValues(headers, 'access-control-allow-methods')
  if (methods === 'failure') {
    return [
      block(
        'methods-invalid',
        `Access-Control-Allow-Methods ('${getHeader(headers, 'access-control-allow-methods')}') is not a ` +
          'comma-separated list of methods, so browsers ignore the whole preflight answer.',
        SPEC.corsPreflightFetch,
      ),
    ]
  }
  const listed = methods ?? []
  if (isCorsSafelistedMethod(request.method) || listed.includes(request.method)) return []
  if (listed.includes('*')) {
    if (request.credentials === 'omit') return []
    return [
      block(
        'methods-wildcard-credentials',
        `Access-Control-Allow-Methods is '*', which with credentials means a method literally named '*'. ` +
          `List ${request.method} explicitly.`,
        SPEC.corsPreflightFetch,
      ),
    ]
  }
  const other = listed.find((method) => method.toLowerCase() === request.method.toLowerCase())
  if (other !== undefined) {
    return [
      block(
        'method-not-allowed',
        `Access-Control-Allow-Methods lists '${other}', but the request's method is '${request.method}': ` +
          'methods are compared case-sensitively.',
        SPEC.corsPreflightFetch,
        'Chromium 156 compares them case-sensitively too (checked).',
      ),
    ]
  }
  const seen =
    methods === null ? 'there is no Access-Control-Allow-Methods header' : `it lists ${listed.join(', ')}`
  return [
    block(
      'method-not-allowed',
      `The preflight answer does not allow the method ${request.method}: ${seen}.`,
      SPEC.corsPreflightFetch,
    ),
  ]
}

function checkHeaders(headers: HeaderList, request: PreflightCheckRequest): Reason[] {
  const allowed = extractHeaderListValues(headers, 'access-control-allow-headers')
  if (allowed === 'failure') {
    return [
      block(
        'headers-invalid',
        `Access-Control-Allow-Headers ('${getHeader(headers, 'access-control-allow-headers')}') is not a ` +
          'comma-separated list of header names, so browsers ignore the whole preflight answer.',
        SPEC.corsPreflightFetch,
      ),
    ]
  }
  const listed = new Set((allowed ?? []).map((name) => name.toLowerCase()))
  const wildcard = listed.has('*') && request.credentials === 'omit'
  const missing = corsUnsafeRequestHeaderNames(request.headers).filter((name) => !listed.has(name))
  const reasons: Reason[] = []
  if (wildcard && missing.includes(NON_WILDCARD_HEADER)) {
    reasons.push(
      block(
        'headers-wildcard-authorization',
        "Access-Control-Allow-Headers is '*', which covers every header except Authorization: the standard " +
          'requires Authorization to be listed by name. List it: Access-Control-Allow-Headers: authorization, ...',
        SPEC.nonWildcardRequestHeader,
        "Chromium 156 still lets '*' cover Authorization (checked), so the request works there; the " +
          'standard and Firefox block it. Listing Authorization works everywhere.',
      ),
    )
  }
  // With a usable '*', only Authorization can be missing (handled above).
  const others = wildcard ? [] : missing
  if (others.length === 0) return reasons
  if (listed.has('*')) {
    reasons.push(
      block(
        'headers-wildcard-credentials',
        `Access-Control-Allow-Headers is '*', which with credentials means a header literally named '*'. ` +
          `List the headers by name: ${others.join(', ')}.`,
        SPEC.corsPreflightFetch,
      ),
    )
    return reasons
  }
  const seen =
    allowed === null
      ? 'there is no Access-Control-Allow-Headers header'
      : `it lists ${[...listed].join(', ')}`
  reasons.push(
    block(
      'header-not-allowed',
      `The preflight answer does not allow the request header${others.length > 1 ? 's' : ''} ` +
        `${others.join(', ')}: ${seen}.`,
      SPEC.corsPreflightFetch,
    ),
  )
  return reasons
}

function checkMaxAge(headers: HeaderList): Reason[] {
  const value = getHeader(headers, 'access-control-max-age')
  const browsers = `Chromium keeps a preflight at most ${CHROMIUM_MAX_AGE_CAP} seconds (2 hours), Firefox 86400 (24 hours).`
  if (value === null) {
    return [
      warn(
        'max-age-missing',
        'The preflight answer has no Access-Control-Max-Age, so browsers keep it for 5 seconds: almost ' +
          `every request costs a second round trip. Add Access-Control-Max-Age: ${CHROMIUM_MAX_AGE_CAP}.`,
        SPEC.corsPreflightCache,
        browsers,
      ),
    ]
  }
  if (!/^\d+$/.test(value.trim())) {
    return [
      warn(
        'max-age-invalid',
        `Access-Control-Max-Age is '${value}', not a number of seconds, so browsers use 5 seconds.`,
        SPEC.corsPreflightCache,
        browsers,
      ),
    ]
  }
  if (Number(value) > CHROMIUM_MAX_AGE_CAP) {
    return [
      warn(
        'max-age-capped',
        `Access-Control-Max-Age is ${value} seconds; Chromium keeps a preflight at most ${CHROMIUM_MAX_AGE_CAP}.`,
        SPEC.corsPreflightCache,
        browsers,
      ),
    ]
  }
  return []
}

/**
 * Checks a preflight answer as a browser does: a 2xx status and a passing CORS check, then the method
 * and every non-safelisted header allowed (`*` only counts without credentials, and never for
 * `Authorization` in the standard). All problems are listed, not only the first, so they can be fixed
 * at once. `Access-Control-Max-Age` problems are warnings.
 * @see https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
export function checkPreflight(
  response: { readonly status: number; readonly headers: HeaderList },
  request: PreflightCheckRequest,
): Reason[] {
  const gate = [
    ...checkCors(response.headers, {
      origin: request.origin,
      credentials: request.credentials,
      on: 'the preflight response',
    }),
    ...checkStatus(response.status),
  ]
  if (gate.length > 0) return gate
  const problems = [...checkMethods(response.headers, request), ...checkHeaders(response.headers, request)]
  return problems.length > 0 ? problems : checkMaxAge(response.headers)
}
