import type { RsbuildPluginAPI } from '@rsbuild/core'
import type { Logger } from '@sameorigin/core'
import { toHostLogger } from '@sameorigin/core'

/**
 * The engine's and the config watcher's lines through Rsbuild's logger (rslog: `api.logger`, or the
 * `customLogger` of the Rsbuild config), at their own level. rslog takes `(message, ...args)` as the
 * core writes them, so lines keep their arguments (an `Error` is printed with its stack).
 */
export function toRsbuildLogger(logger: RsbuildPluginAPI['logger']): Logger {
  return toHostLogger(({ level, message, args }) => logger[level](message, ...args))
}
