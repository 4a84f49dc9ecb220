import { createError } from '@sameorigin/core'
import type { ProxyError } from '@sameorigin/core'
import { isToken } from './extract-header-list-values.ts'
import { isForbiddenMethod, isForbiddenRequestHeader, normalizeMethod } from './needs-preflight.ts'
import { SPEC } from './spec.ts'
import type { FetchRequest, Reason } from './types.ts'

/** What `sameorigin doctor` is asked: the command line, before any check. */
export interface DoctorInput {
  /** The URL the page fetches. */
  readonly url: string
  /** The page's origin (`--origin`). */
  readonly origin: string
  /** @default 'GET' */
  readonly method?: string
  /** `--header` values: `Name: value`, or a name alone (sent with an empty value). */
  readonly headers?: readonly string[]
  /** `credentials: 'include'` (cookies, HTTP auth). @default false */
  readonly credentials?: boolean
}

/** The request the page makes, and what the browser already says about it before sending anything. */
export interface ParsedInput {
  readonly request: FetchRequest
  /** Forbidden headers (dropped, warned) and a forbidden method (blocked). */
  readonly reasons: Reason[]
}

function invalid(message: string, hint: string): ProxyError {
  return createError('ERR_CLI_ARGUMENT_INVALID', { message, hint })
}

function parseOrigin(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid(
      `--origin ${value} is not an origin.`,
      "Give the page's origin: --origin http://localhost:5173",
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      `--origin ${value} is not an http(s) origin.`,
      "Give the page's origin: --origin http://localhost:5173",
    )
  }
  if (
    (url.pathname !== '/' && url.pathname !== '') ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  ) {
    throw invalid(
      `--origin ${value} has a path, query or user name; an origin is only scheme, host and port.`,
      `Use --origin ${url.origin}`,
    )
  }
  return url.origin
}

function parseUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid(
      `${value} is not an absolute URL.`,
      'Give the full URL the page fetches: http://127.0.0.1:8080/api/me',
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(
      `${value} is not an http(s) URL.`,
      'Give the full URL the page fetches: http://127.0.0.1:8080/api/me',
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid(
      `${value} has a user name or password in it; fetch() refuses such URLs.`,
      'Remove user:password@ and send an Authorization header instead: --header "Authorization: Basic ..."',
    )
  }
  url.hash = ''
  return url.href
}

/** `Name: value` or `Name` → [name, value]; a name alone is sent with an empty value. */
export function parseHeaderArgument(argument: string): [name: string, value: string] {
  const colon = argument.indexOf(':')
  const name = (colon === -1 ? argument : argument.slice(0, colon)).trim()
  const value = colon === -1 ? '' : argument.slice(colon + 1).trim()
  if (!isToken(name)) {
    throw invalid(
      `--header "${argument}" does not start with a header name.`,
      'Write a name alone or "Name: value": --header Authorization --header "Content-Type: application/json"',
    )
  }
  // Header values are byte strings: no line breaks, no NUL, no characters above U+00FF.
  if (/[\r\n\0]/.test(value) || [...value].some((char) => char.charCodeAt(0) > 0xff)) {
    throw invalid(
      `--header "${argument}" has a value fetch() refuses (line breaks or non-Latin-1 characters).`,
      'Send a plain ASCII value.',
    )
  }
  return [name, value]
}

/**
 * Turns the command line into the request a page makes: the method normalised as fetch does, headers
 * parsed and combined (a repeated name becomes one comma-joined value, as `Headers.append` does), and
 * what the browser refuses before sending noted: forbidden headers are dropped with a warning, a
 * forbidden method blocks. Throws `ERR_CLI_ARGUMENT_INVALID` for input fetch() itself would reject.
 */
export function parseDoctorInput(input: DoctorInput): ParsedInput {
  const url = parseUrl(input.url)
  const origin = parseOrigin(input.origin)
  const rawMethod = input.method ?? 'GET'
  if (!isToken(rawMethod)) {
    throw invalid(`--method ${rawMethod} is not a method name.`, 'Use an HTTP method: --method PUT')
  }
  const method = normalizeMethod(rawMethod)
  const reasons: Reason[] = []
  if (isForbiddenMethod(method)) {
    reasons.push({
      code: 'forbidden-method',
      severity: 'block',
      message: `fetch() refuses the method ${method} outright (TypeError), before sending anything.`,
      standard: SPEC.forbiddenMethod,
    })
  }
  const combined = new Map<string, [string, string]>()
  for (const argument of input.headers ?? []) {
    const [name, value] = parseHeaderArgument(argument)
    const key = name.toLowerCase()
    const existing = combined.get(key)
    combined.set(key, existing === undefined ? [name, value] : [existing[0], `${existing[1]}, ${value}`])
  }
  const headers: [string, string][] = []
  for (const [name, value] of combined.values()) {
    if (isForbiddenRequestHeader(name, value)) {
      reasons.push({
        code: 'forbidden-header',
        severity: 'warn',
        message:
          `A page cannot set ${name}: the browser drops it silently${name.toLowerCase() === 'cookie' ? " (it sends the cookies it has itself with credentials: 'include')" : ''}. ` +
          'It is left out here too.',
        standard: SPEC.forbiddenRequestHeader,
      })
    } else {
      headers.push([name, value])
    }
  }
  return {
    request: { origin, url, method, headers, credentials: input.credentials === true ? 'include' : 'omit' },
    reasons,
  }
}
