import process from 'node:process'
import { inspect } from 'node:util'
import type { Logger } from '@sameorigin/core'
import { toHostLogger } from '@sameorigin/core'

/**
 * The core's lines while `ng serve` runs (one per failed request, config reloads), written to the
 * terminal at once, as Vite's own logger writes its lines under `ng serve` (`info` on stdout, warnings
 * and errors on stderr). The builder's logger (`context.logger`) is not used for them: Architect hands
 * its entries on through its job channels, so a failed request's line could reach the terminal after
 * the answer reached the client. The `Error` the engine passes behind a failure is left out: the line
 * names the route, the target and the cause.
 */
export function toTerminalLogger(): Logger {
  return toHostLogger(({ level, message, args }) => {
    const rest = args.filter((arg) => !(arg instanceof Error)).map((arg) => inspect(arg))
    const line = `${[typeof message === 'string' ? message : inspect(message), ...rest].join(' ')}\n`
    if (level === 'info') process.stdout.write(line)
    else process.stderr.write(line)
  })
}
