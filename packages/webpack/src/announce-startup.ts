import type { ResolvedConfig } from '@sameorigin/core'
import { createLogger, printStartup } from '@sameorigin/core'
import { findProxyOverlaps } from './find-proxy-overlaps.ts'
import type { LoadingEngine, LoadOutcome } from './load-engine.ts'
import type { DevServerHost } from './read-dev-server.ts'
import { toServerUrl } from './to-server-url.ts'

function print(outcome: LoadOutcome | undefined, host: DevServerHost): void {
  if (outcome === undefined) return
  if ('error' in outcome) {
    const { error } = outcome
    host.logger.error(error instanceof Error ? error.message : String(error))
    return
  }
  printRoutes(outcome.resolved, host)
}

function printRoutes(resolved: ResolvedConfig, host: DevServerHost): void {
  printStartup(createLogger(resolved.logLevel, { logger: host.logger }), {
    resolved,
    overlaps: findProxyOverlaps(resolved, host.options.proxy),
    proxyOption: 'devServer.proxy',
    proxyName: "the dev server's proxy",
    // Where the inspector is: `inspector: http://localhost:8080/__sameorigin/` under the table.
    serverUrl: host.server === undefined ? undefined : toServerUrl(host.server, host.options.host),
  })
}

/**
 * Called from `onListening`, once the server listens: prints the route table, the inspector's address and warnings under the
 * dev server's URLs, or throws the config error, which fails the dev server's start (its `start()`
 * rejects; the CLIs print the error, every problem of it, and exit), as an invalid config fails
 * Vite's. The server listens only once the config is loaded (`holdListen`), so the outcome is known
 * here. Without an http server to hold it may not be: then the table or the error is printed once it
 * is, and the promise of that is returned.
 */
export function announceStartup(engine: LoadingEngine, host: DevServerHost): Promise<void> | undefined {
  const outcome = engine.outcome()
  if (outcome !== undefined) {
    if ('error' in outcome) throw outcome.error
    printRoutes(outcome.resolved, host)
    return undefined
  }
  const later = (): void => print(engine.outcome(), host)
  return engine.ready.then(later, later)
}
