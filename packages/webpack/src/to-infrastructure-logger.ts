import type { Logger } from '@sameorigin/core'
import { toHostLogger } from '@sameorigin/core'
import type { CompilerLike } from './dev-server.ts'

/**
 * Where the adapter's lines go: the compiler's infrastructure logger named `sameorigin` (what the dev
 * servers log through, so `infrastructureLogging.level` / `.console` apply). That logger tags each line
 * `[sameorigin]` itself, so the core's own tag is taken off. Without a compiler, `console`.
 */
export function toInfrastructureLogger(compiler: CompilerLike | undefined): Logger {
  const logger = compiler?.getInfrastructureLogger?.('sameorigin')
  if (logger === undefined) return globalThis.console
  return toHostLogger(({ level, message, args }) => logger[level](message, ...args), { untag: true })
}
