import { createLogger, printStartup } from '@sameorigin/core'
import { findProxyOverlaps } from './find-proxy-overlaps.ts'
import type { LoadingEngine, LoadOutcome } from './load-engine.ts'
import type { DevServerHost } from './read-dev-server.ts'

function print(outcome: LoadOutcome | undefined, host: DevServerHost): void {
  if (outcome === undefined) return
  if ('error' in outcome) {
    const { error } = outcome
    host.logger.error(error instanceof Error ? error.message : String(error))
    return
  }
  printStartup(createLogger(outcome.resolved.logLevel, { logger: host.logger }), {
    resolved: outcome.resolved,
    overlaps: findProxyOverlaps(outcome.resolved, host.options.proxy),
    proxyOption: 'devServer.proxy',
    proxyName: "the dev server's proxy",
  })
}

/**
 * Prints the route table and warnings, or the config error, under the dev server's URLs (call it once
 * the server listens). Prints at once when the config is loaded (the usual case), else returns a
 * promise of having printed.
 */
export function announceStartup(engine: LoadingEngine, host: DevServerHost): Promise<void> | undefined {
  if (engine.outcome() !== undefined) {
    print(engine.outcome(), host)
    return undefined
  }
  const later = (): void => print(engine.outcome(), host)
  return engine.ready.then(later, later)
}
