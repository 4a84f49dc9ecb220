import { isProxyError } from './proxy-error.ts'

/**
 * Node and httpxy error codes that mean "the upstream was too slow": answered with 504 Gateway Timeout
 * (RFC 9110 §15.6.5). Everything else that ends a proxied request is a 502 Bad Gateway (§15.6.3).
 */
const TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'ERR_UPSTREAM_UPGRADE_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/**
 * The HTTP status for an error that ended a proxied request: a {@link ProxyError}'s own status (from
 * the registry), 504 for a timeout code, otherwise 502.
 * @example toHttpStatus(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })) // 504
 */
export function toHttpStatus(error: unknown): number {
  if (isProxyError(error)) return error.status
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && TIMEOUT_CODES.has(code) ? 504 : 502
}
