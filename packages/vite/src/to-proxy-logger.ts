import type { Logger } from '@sameorigin/core'
import type { Logger as ViteLogger } from 'vite'

/** Options for {@link toProxyLogger}. */
export interface ToProxyLoggerOptions {
  /**
   * Print Vite's time and `[vite]` tag before each line, as Vite does for its own runtime messages
   * (proxy errors, HMR updates). Off for the startup lines, which sit under Vite's URLs.
   * @default true
   */
  timestamp?: boolean
}

/**
 * Adapts Vite's logger (`config.logger`: `info` / `warn` / `error` taking one message and options) to
 * the console-shaped `Logger` the core writes to. Extra arguments are dropped, except an `Error`
 * given to `error`, which goes to Vite as `{ error }` so Vite knows it has been logged.
 */
export function toProxyLogger(logger: ViteLogger, options: ToProxyLoggerOptions = {}): Logger {
  const timestamp = options.timestamp ?? true
  return {
    info: (message?: unknown) => logger.info(String(message), { timestamp }),
    warn: (message?: unknown) => logger.warn(String(message), { timestamp }),
    error: (message?: unknown, ...rest: unknown[]) => {
      const error = rest.find((value): value is Error => value instanceof Error) ?? null
      logger.error(String(message), { timestamp, error })
    },
  }
}
