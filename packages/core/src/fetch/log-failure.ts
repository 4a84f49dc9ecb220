import type { ProxyError } from '../errors/proxy-error.ts'
import { describeFailure } from '../pipeline/describe-failure.ts'
import type { FailedExchange } from '../pipeline/describe-failure.ts'
import type { FetchState } from './fetch-state.ts'

/**
 * Logs the one `warn` line of a failed or refused request (`describeFailure`, the same line as every
 * transport's); at `debug` once `close()` cut it, on purpose.
 */
export function logFailure(state: FetchState, exchange: FailedExchange, error: ProxyError): void {
  const { log } = state.pipeline
  const line = describeFailure(exchange, error)
  if (state.closed) log.debug?.(line)
  else log.warn(line)
}
