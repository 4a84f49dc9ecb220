import type { Logger } from '@sameorigin/core'
import type { RsbuildPluginAPI } from '@rsbuild/core'

/** Rsbuild's logger (rslog): `api.logger`, or the `customLogger` of the Rsbuild config. */
export type RsbuildLogger = RsbuildPluginAPI['logger']

/**
 * Adapts Rsbuild's logger to the console-shaped `Logger` the core writes to. rslog already takes
 * `(message, ...args)`, so lines keep their arguments (an `Error` is printed with its stack). `info`
 * goes to rslog's plain `log` when `plain` is set: the route table sits under Rsbuild's URLs, which
 * are printed that way, without the `info` label.
 */
export function toProxyLogger(logger: RsbuildLogger, options: { plain?: boolean } = {}): Logger {
  return {
    info: (message?: unknown, ...rest: unknown[]) =>
      options.plain ? logger.log(message, ...rest) : logger.info(message, ...rest),
    warn: (message?: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    error: (message?: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
  }
}
