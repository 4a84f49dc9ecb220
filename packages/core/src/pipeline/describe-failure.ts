import type { ProxyError } from '../errors/proxy-error.ts'
import { toLogSafe } from '../internal/to-log-safe.ts'
import type { Match } from '../types.ts'

/** What a failure line names of the exchange. */
export interface FailedExchange {
  readonly method: string
  readonly url: string
  readonly match: Match | undefined
  readonly upgrade: boolean
  /** The forward proxy in use, credentials removed. */
  readonly forwardProxy?: string | undefined
  /** The mock that answered in the backend's place (`'fallback'` mode): its file, or `handler`. */
  readonly mock?: string | undefined
  /** The route's mock answers instead of the backend (`'always'` mode): nothing went upstream. */
  readonly mockOnly?: boolean | undefined
}

/**
 * `GET /api/users → http://127.0.0.1:8080/api/users` (or `→ mock` in `'always'` mode, `→ mock <file>`
 * for an answer a mock gave), with the client-sent parts made log-safe.
 */
export function describeExchange(exchange: FailedExchange): string {
  const upstream =
    exchange.mockOnly === true
      ? exchange.mock === undefined
        ? 'mock'
        : `mock ${exchange.mock}`
      : exchange.match === undefined
        ? '(not forwarded)'
        : toLogSafe(exchange.match.upstreamUrl)
  return `${toLogSafe(exchange.method)} ${toLogSafe(exchange.url)} → ${upstream}`
}

/**
 * The one `warn` line of a failed request or upgrade, the same from every transport: what was asked,
 * where it went, the status and code, the route, the forward proxy, the cause and the hint, and the
 * mock that answered instead, if one did.
 */
export function describeFailure(exchange: FailedExchange, error: ProxyError): string {
  const route = exchange.match === undefined ? '' : `, route ${exchange.match.route.id}`
  const via = exchange.forwardProxy === undefined ? '' : `, via ${exchange.forwardProxy}`
  const what = exchange.upgrade ? 'WebSocket ' : ''
  const mocked = exchange.mock === undefined ? '' : ` Answered from the mock ${exchange.mock}.`
  return `${what}${describeExchange(exchange)} failed (${error.status} ${error.code}${route}${via}): ${error.message} Hint: ${error.hint}${mocked}`
}
