import type { HostLogLine } from '@sameorigin/core'
import type { Logger as ViteLogger } from 'vite'

/** Options for {@link writeToViteLogger}. */
export interface WriteToViteLoggerOptions {
  /**
   * Print Vite's time and `[vite]` tag before the line, as Vite does for its own runtime messages
   * (proxy errors, HMR updates). Off for the startup lines, which sit under Vite's URLs.
   */
  readonly timestamp: boolean
}

/**
 * How a line of the core reaches Vite's logger (`config.logger`), which takes one message and its
 * options: for the core's `toHostLogger`. Extra arguments are dropped, except an `Error` given to
 * `error`, which goes to Vite as `{ error }` so Vite knows it has been logged.
 * @example toHostLogger(writeToViteLogger(config.logger, { timestamp: true }))
 */
export function writeToViteLogger(
  logger: ViteLogger,
  { timestamp }: WriteToViteLoggerOptions,
): (line: HostLogLine) => void {
  return ({ level, message, error }) => {
    if (level === 'error') logger.error(String(message), { timestamp, error: error ?? null })
    else logger[level](String(message), { timestamp })
  }
}
