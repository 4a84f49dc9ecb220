import type { UserConfig } from '@sameorigin/core'
import type { Plugin, Logger as ViteLogger } from 'vite'
import type { CapturedLogs } from '../src/types.ts'

/** The user-facing plugin, loaded when a Vite host starts (so the core-server host runs without a built adapter). */
export async function loadSameorigin(config: UserConfig): Promise<Plugin> {
  const { sameorigin } = await import('@sameorigin/vite')
  // `configFile: false`: the scenario's config is all there is, as in the core-server host.
  return sameorigin({ configFile: false, ...config })
}

/**
 * A Vite `customLogger` that records into `logs` instead of the terminal. The plugin forwards its log
 * lines to Vite's logger, so this is where "a logged ERR_UPSTREAM_UNREACHABLE" shows up.
 */
export function toViteLogger(logs: CapturedLogs & Pick<Console, 'info' | 'warn' | 'error'>): ViteLogger {
  const warned = new Set<string>()
  let errorLogged = false
  const logger: ViteLogger = {
    hasWarned: false,
    info: (message) => logs.info(message),
    warn: (message) => {
      logger.hasWarned = true
      logs.warn(message)
    },
    warnOnce: (message) => {
      if (warned.has(message)) return
      warned.add(message)
      logger.warn(message)
    },
    error: (message, options) => {
      errorLogged = true
      logs.error(options?.error === undefined ? message : `${message} ${String(options.error)}`)
    },
    clearScreen: () => {},
    hasErrorLogged: () => errorLogged,
  }
  return logger
}
