import { inspect } from 'node:util'
import type { BuilderContext } from '@angular-devkit/architect'
import type { Logger } from '@sameorigin/core'
import { toHostLogger } from '@sameorigin/core'

/**
 * The core's lines on the builder's logger (`context.logger`: what `ng serve` prints, one string per
 * line). The `Error` the engine passes behind a failed request is left out: the line already names the
 * route, the target and the cause, as in every other adapter.
 */
export function toArchitectLogger(logger: BuilderContext['logger']): Logger {
  return toHostLogger(({ level, message, args }) => {
    const rest = args.filter((arg) => !(arg instanceof Error)).map((arg) => inspect(arg))
    logger[level]([typeof message === 'string' ? message : inspect(message), ...rest].join(' '))
  })
}
