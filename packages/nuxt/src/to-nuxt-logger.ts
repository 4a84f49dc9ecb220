import type { Logger } from '@sameorigin/core'
import { toHostLogger } from '@sameorigin/core'
import { useLogger } from '@nuxt/kit'

/**
 * The core's lines through Nuxt's logger, tagged `sameorigin` as Nuxt tags a module's lines (the
 * core's own `[sameorigin] ` prefix taken off).
 */
export function toNuxtLogger(): Logger {
  const logger = useLogger('sameorigin')
  return toHostLogger(({ level, message, args }) => logger[level](String(message), ...args), {
    untag: true,
  })
}
