import { isLocalhostName } from '../rules/to-loopback-addresses.ts'
import type { ResolvedRoute } from '../types.ts'
import { describeTlsError, isTlsError } from './describe-tls-error.ts'
import type { ProxyError } from './proxy-error.ts'
import { createError, isProxyError } from './proxy-error.ts'

/** What {@link describeUpstreamError} needs to know besides the error. */
export interface UpstreamErrorContext {
  /** The route whose upstream failed. */
  readonly route: ResolvedRoute
  /**
   * The forward proxy the connection went through (`HTTPS_PROXY` / `HTTP_PROXY`), credentials
   * removed, or `undefined` for a direct connection.
   * @default undefined
   */
  readonly proxy?: string | undefined
}

/** Errors of the socket to the first hop: with a forward proxy, that hop is the proxy. */
const FIRST_HOP = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN'])
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME'])
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE'])
const TIMEOUT = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_UPSTREAM_UPGRADE_TIMEOUT'])

interface NodeError {
  readonly code?: unknown
  readonly message?: unknown
  readonly name?: unknown
  readonly address?: unknown
  readonly port?: unknown
  readonly cause?: unknown
  readonly errors?: unknown
}

/**
 * Turns whatever ended an upstream request (a socket error, a TLS error, an llhttp parse error, or
 * our own timeout) into a {@link ProxyError} whose message names the route's target and the cause,
 * and whose hint says what to change. A `ProxyError` (also as an `AbortError`'s cause) is returned
 * as it is.
 * @example describeUpstreamError(econnrefused, { route }).hint
 * // 'Start the backend on 127.0.0.1:8080, or check the port in the route target.'
 */
export function describeUpstreamError(error: unknown, context: UpstreamErrorContext): ProxyError {
  if (isProxyError(error)) return error
  const err = (typeof error === 'object' && error !== null ? error : {}) as NodeError
  if (err.name === 'AbortError' && isProxyError(err.cause)) return err.cause
  const code = typeof err.code === 'string' ? err.code : ''
  const message = typeof err.message === 'string' ? err.message : String(error)
  const { route, proxy } = context
  const { target } = route
  const details = { route: route.id, target: target.href, cause: code || message }
  const options = { cause: error, details }

  if (proxy !== undefined && FIRST_HOP.has(code)) {
    return createError('ERR_UPSTREAM_PROXY_FAILED', {
      ...options,
      message: `The forward proxy ${proxy} could not be reached (${code}) on the way to ${target.origin}.`,
      hint: `Check the proxy URL in HTTPS_PROXY / HTTP_PROXY, or add ${target.hostname} to NO_PROXY.`,
    })
  }
  if (target.protocol === 'https:' && isTlsError(code, message)) {
    return describeTlsError(code, message, route, details, error)
  }
  if (REFUSED.has(code)) {
    return createError('ERR_UPSTREAM_UNREACHABLE', {
      ...options,
      message: `${target.origin} refused the connection (${code}${addressOf(err)}).`,
      hint: refusedHint(route, err),
    })
  }
  if (DNS.has(code)) {
    return createError('ERR_UPSTREAM_DNS_FAILED', {
      ...options,
      message: `The host name ${target.hostname} could not be resolved (${code}).`,
      hint: `Check the spelling of ${target.hostname} in the route target, and your VPN or DNS settings; or use the backend's IP address.`,
    })
  }
  if (TIMEOUT.has(code)) {
    return createError('ERR_UPSTREAM_CONNECT_TIMEOUT', {
      ...options,
      message: `Connecting to ${target.origin} timed out (${code}).`,
    })
  }
  if (code.startsWith('HPE_')) {
    return createError('ERR_UPSTREAM_RESPONSE_INVALID', {
      ...options,
      message: `${target.origin} answered with invalid HTTP (${code}: ${message}).`,
      hint:
        target.protocol === 'http:'
          ? `Check that ${target.host} serves HTTP on this port; if it serves HTTPS, use https://${target.host}${target.basePath}.`
          : undefined,
    })
  }
  if (RESET.has(code) || message === 'socket hang up') {
    return createError('ERR_UPSTREAM_RESET', {
      ...options,
      message: `${target.origin} closed the connection before the response was complete (${code || message}).`,
      hint:
        target.protocol === 'http:'
          ? `Check the backend's logs. If ${target.host} serves HTTPS, use https://${target.host}${target.basePath} as the target.`
          : undefined,
    })
  }
  return createError('ERR_UPSTREAM_FAILED', {
    ...options,
    message: `The request to ${target.origin} failed: ${code ? `${code} ` : ''}${message}.`,
  })
}

/** ` 127.0.0.1:8080`, or every address Happy Eyeballs tried (`::1:8080, 127.0.0.1:8080`). */
function addressOf(err: NodeError): string {
  const tried = triedAddresses(err)
  return tried.length > 0 ? ` ${tried.map(([address, port]) => `${address}:${port}`).join(', ')}` : ''
}

function triedAddresses(err: NodeError): (readonly [string, string])[] {
  const all = Array.isArray(err.errors) ? (err.errors as NodeError[]) : [err]
  const out: (readonly [string, string])[] = []
  for (const one of all) {
    if (typeof one.address === 'string') out.push([one.address, String(one.port ?? '')])
  }
  return out
}

/**
 * The hint for a refused connection. `localhost` is the classic trap: Node may resolve it to `::1`
 * first while the backend listens on `127.0.0.1` only (or the other way round). The Node clients try
 * both for a `localhost` target (`engine/dial-loopback.ts`), so there the hint names both; a client
 * that tried one (the runtime's `fetch`) gets the other as the fix.
 */
function refusedHint(route: ResolvedRoute, err: NodeError): string {
  const { target } = route
  const tried = triedAddresses(err).map(([address]) => address)
  const port = target.port
  const scheme = target.protocol.slice(0, -1)
  if (isLocalhostName(target.hostname) && tried.includes('::1') && tried.includes('127.0.0.1')) {
    return `Nothing listens on 127.0.0.1:${port} or [::1]:${port} (both tried for \`${target.hostname}\`): start the backend, or check the port in the route target.`
  }
  if (target.hostname === 'localhost' && tried.length > 0 && tried.every((a) => a === '::1')) {
    return `\`localhost\` resolved to ::1 but nothing listens there; if the backend listens on 127.0.0.1, use ${scheme}://127.0.0.1:${port}${target.basePath}.`
  }
  if (target.hostname === 'localhost' && tried.length > 0 && tried.every((a) => a === '127.0.0.1')) {
    return `\`localhost\` resolved to 127.0.0.1 but nothing listens there; if the backend listens on ::1, use ${scheme}://[::1]:${port}${target.basePath}.`
  }
  return `Start the backend on ${target.host}, or check the host and port in the route target.`
}
