import process from 'node:process'
import type { HostProxy, ProxyEngine, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { startHostProxy } from '@sameorigin/core'
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
 * directory and `NODE_ENV`) and creates the engine with the server's HMR paths and `allowedHosts`
 * (`startHostProxy`), kept on the config files: an edit serves from the next request, a bad one is
 * printed once while the last good config keeps serving. The page's bundle got the report client
 * (or not) as the server started: an edit that turns the inspector on or off says so. Loading is
 * asynchronous, and `setupMiddlewares`, which calls this, is not: the result is a handle.
 */
export function loadEngine(options: SameOriginOptions, host: DevServerHost): LoadingEngine {
  let proxy: HostProxy | undefined
  let outcome: LoadOutcome | undefined
  let closed = false
  const ready = startHostProxy(options, {
    root: host.compiler?.context ?? process.cwd(),
    mode: toMode(host.compiler),
    logger: host.logger,
    hmrPaths: host.hmrPaths,
    allowedHosts: toAllowedHosts(host.options),
    reportClient: { restart: 'the dev server' },
  }).then((started) => {
    proxy = started
    outcome = { resolved: started.current() }
    if (closed) void started.close()
    return started.engine
  })
  ready.catch((error: unknown) => (outcome = { error }))
  return {
    ready,
    current: () => proxy?.engine,
    outcome: () => outcome,
    close: () => {
      closed = true
      void proxy?.close()
    },
  }
}
