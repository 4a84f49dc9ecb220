import type { ProxyError } from '../errors/proxy-error.ts'
import { describeFailure } from '../pipeline/describe-failure.ts'
import type { FailedExchange } from '../pipeline/describe-failure.ts'
import type { Pipeline } from '../pipeline/types.ts'
import type { FetchState } from './fetch-state.ts'

/**
 * Logs the one `warn` line of a failed or refused request (`describeFailure`, the same line as every
 * transport's); at `debug` once `close()` cut it, on purpose.
 */
export function logFailure(
  state: FetchState,
  pipeline: Pipeline,
  exchange: FailedExchange,
  error: ProxyError,
): void {
  const { log } = pipeline
  const line = describeFailure(exchange, error)
  if (state.closed) log.debug?.(line)
  else log.warn(line)
}
