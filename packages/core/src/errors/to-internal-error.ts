import type { ProxyError } from './proxy-error.ts'
import { createError, isProxyError } from './proxy-error.ts'

/**
 * An unexpected exception while handling a request (a bug), as the `ProxyError` every transport
 * answers and logs like an upstream failure, so the host lives on. A `ProxyError` is returned as is.
 */
export function toInternalError(error: unknown): ProxyError {
  if (isProxyError(error)) return error
  const message = error instanceof Error ? error.message : String(error)
  return createError('ERR_UPSTREAM_FAILED', {
    message: `sameorigin could not forward the request: ${message}`,
    cause: error,
  })
}
