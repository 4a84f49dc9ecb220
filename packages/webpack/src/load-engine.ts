import process from 'node:process'
import type { ConfigWatcher, ProxyEngine, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createProxy, followReportClient, loadHostConfig, watchConfig } from '@sameorigin/core'
import { toAllowedHosts } from './host-options.ts'
import type { DevServerHost } from './read-dev-server.ts'
import { toMode } from './to-mode.ts'

/** How loading the config ended: the resolved config, or why it failed. */
export type LoadOutcome = { readonly resolved: ResolvedConfig } | { readonly error: unknown }

/** The engine of one dev server, which exists once its config has loaded. */
export interface LoadingEngine {
  /**
   * Settles when the engine exists and its config files are watched (an edit from then on is seen),
   * or rejects with the reason the config did not load.
   */
  readonly ready: Promise<ProxyEngine>
  /** The engine, once it exists. */
  readonly current: () => ProxyEngine | undefined
  /** How loading ended, once it has. */
  readonly outcome: () => LoadOutcome | undefined
  /** Stops watching and closes the engine now, or as soon as it exists. */
  readonly close: () => void
}

/**
 * Loads the config for a dev server (from the compiler's `context`, for its mode; else the working
 * directory and `NODE_ENV`) and creates the engine with the server's HMR paths and `allowedHosts`.
 * Then keeps it on the config: an edit of the config file or of an env file it reads is put in
 * service with the engine's `update` (the next request uses it; requests in flight and open
 * WebSockets keep theirs), and a bad edit is printed once while the last good config keeps serving
 * (`watchConfig`, through the infrastructure logger). Loading is asynchronous, and
 * `setupMiddlewares`, which calls this, is not: the result is a handle.
 */
export function loadEngine(options: SameOriginOptions, host: DevServerHost): LoadingEngine {
  let engine: ProxyEngine | undefined
  let watcher: ConfigWatcher | undefined
  let outcome: LoadOutcome | undefined
  let closed = false
  const where = { root: host.compiler?.context ?? process.cwd(), mode: toMode(host.compiler) }
  const ready = loadHostConfig(options, where).then(async (resolved) => {
    // The dev server serves the inspector (`/__sameorigin/`) unless the config says `inspector: false`.
    const created = createProxy(resolved, {
      inspector: true,
      logger: host.logger,
      hmrPaths: host.hmrPaths,
      allowedHosts: toAllowedHosts(host.options),
    })
    engine = created
    outcome = { resolved }
    if (closed) {
      void created.close()
      return created
    }
    const logger = host.logger
    // The page's bundle got the report client (or not) as the server started: say when it no longer follows.
    const bundled = resolved.inspector !== false
    const follow = { bundled, current: resolved, logger, restart: 'the dev server' }
    const apply = followReportClient(follow, created.update)
    watcher = watchConfig(options, { ...where, current: resolved, logger, apply })
    await watcher.ready
    return created
  })
  ready.catch((error: unknown) => (outcome = { error }))
  return {
    ready,
    current: () => engine,
    outcome: () => outcome,
    close: () => {
      closed = true
      void watcher?.close()
      void engine?.close()
    },
  }
}
