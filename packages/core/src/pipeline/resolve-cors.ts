import { createError } from '../errors/proxy-error.ts'
import type { CorsPolicy } from '../rewrite/cors.ts'
import type { ConfigIssue } from '../types.ts'

/** CORS mode: which pages on other origins may call the proxy. See `CreateProxyOptions.cors`. */
export interface CorsOptions {
  /**
   * The origins (scheme, host and port, no path) whose pages may call the proxy, e.g.
   * `['http://localhost:6006']`; `'*'` lets any page call it, and is refused with `credentials`.
   */
  origins: readonly string[] | '*'
  /**
   * Lets pages send cookies and HTTP auth (`fetch(url, { credentials: 'include' })`): answers carry
   * `Access-Control-Allow-Credentials: true` and always the exact origin, never `*`.
   * @default false
   */
  credentials?: boolean
  /**
   * Seconds a browser may reuse a preflight answer.
   * @default 600
   */
  maxAge?: number
}

const EXAMPLE = "cors: { origins: ['http://localhost:6006'], credentials: true }"

/** The origin as browsers serialise it, or an explanation of why `value` is not one. */
function toOrigin(value: string): { origin: string } | { problem: string } {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { problem: `"${value}" is not an origin` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `"${value}" is not an http(s) origin` }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    !/^\/?$/.test(url.pathname)
  )
    return { problem: `"${value}" has more than scheme, host and port (use ${url.origin})` }
  return { origin: url.origin }
}

/**
 * Validates `options` into the policy the engine applies. Throws `ERR_CONFIG_VALUE_INVALID` listing
 * every problem: an entry that is not an origin (a path, no scheme), `'*'` with credentials, a bad
 * `maxAge`.
 */
export function resolveCors(options: CorsOptions): CorsPolicy {
  const issues: ConfigIssue[] = []
  const issue = (path: string, message: string, fix: string): void =>
    void issues.push({ code: 'ERR_CONFIG_VALUE_INVALID', severity: 'error', path, message, fix })
  const credentials = options.credentials ?? false
  const maxAge = options.maxAge ?? 600
  let origins: Set<string> | '*' = new Set()
  if (options.origins === '*') {
    origins = '*'
    if (credentials)
      issue(
        'cors.origins',
        "'*' with credentials would let every site you visit call your backend with your cookies, and browsers refuse it.",
        EXAMPLE,
      )
  } else if (!Array.isArray(options.origins) || options.origins.length === 0) {
    issue('cors.origins', 'needs at least one origin.', EXAMPLE)
  } else {
    options.origins.forEach((value, index) => {
      const parsed =
        typeof value === 'string' ? toOrigin(value) : { problem: `${typeof value} is not an origin` }
      if ('problem' in parsed) issue(`cors.origins[${index}]`, `${parsed.problem}.`, EXAMPLE)
      else if (origins !== '*') origins.add(parsed.origin)
    })
  }
  if (!Number.isInteger(maxAge) || maxAge < 0)
    issue('cors.maxAge', `must be a whole number of seconds, got ${String(maxAge)}.`, 'cors: { maxAge: 600 }')
  if (issues.length > 0)
    throw createError('ERR_CONFIG_VALUE_INVALID', { message: 'The `cors` option is invalid.', issues })
  return { origins, credentials, maxAge }
}
