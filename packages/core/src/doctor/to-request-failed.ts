import { createError } from '../errors/proxy-error.ts'
import type { ProxyError } from '../errors/proxy-error.ts'

/** Error codes of certificate and TLS failures (Node's and OpenSSL's). */
const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|VERIFY|EPROTO/

/**
 * `ERR_CLI_REQUEST_FAILED` for a request that got no answer: the method, URL and cause in the
 * message; a certificate failure gets a hint about trusting the CA.
 */
export function toRequestFailed(method: string, url: string, error: unknown): ProxyError {
  const cause = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: unknown } | undefined)?.code
  const tls = typeof code === 'string' && TLS_ERROR.test(code)
  return createError('ERR_CLI_REQUEST_FAILED', {
    message: `${method} ${url} failed: ${cause}`,
    ...(tls
      ? {
          hint:
            "The server's certificate was not accepted, and a browser would refuse it too. Trust its CA " +
            '(NODE_EXTRA_CA_CERTS=ca.pem here, the system store for the browser), or use a valid certificate.',
        }
      : {}),
    cause: error,
  })
}
