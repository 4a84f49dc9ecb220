import process from 'node:process'
import type { ProxyEngine, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createProxy, loadHostConfig } from '@sameorigin/core'
import { toAllowedHosts } from './host-options.ts'
import type { DevServerHost } from './read-dev-server.ts'
import { toMode } from './to-mode.ts'

/** How loading the config ended: the resolved config, or why it failed. */
export type LoadOutcome = { readonly resolved: ResolvedConfig } | { readonly error: unknown }

/** The engine of one dev server, which exists once its config has loaded. */
export interface LoadingEngine {
  /** Settles when the engine exists, or rejects with the reason the config did not load. */
  readonly ready: Promise<ProxyEngine>
  /** The engine, once it exists. */
  readonly current: () => ProxyEngine | undefined
  /** How loading ended, once it has. */
  readonly outcome: () => LoadOutcome | undefined
  /** Closes the engine now, or as soon as it exists. */
  readonly close: () => void
}

/**
 * Loads the config for a dev server (from the compiler's `context`, for its mode; else the working
 * directory and `NODE_ENV`) and creates the engine with the server's HMR paths and `allowedHosts`.
 * Loading is asynchronous, and `setupMiddlewares`, which calls this, is not: the result is a handle.
 */
export function loadEngine(options: SameOriginOptions, host: DevServerHost): LoadingEngine {
  let engine: ProxyEngine | undefined
  let outcome: LoadOutcome | undefined
  let closed = false
  const ready = loadHostConfig(options, {
    root: host.compiler?.context ?? process.cwd(),
    mode: toMode(host.compiler),
  }).then((resolved) => {
    engine = createProxy(resolved, {
      logger: host.logger,
      hmrPaths: host.hmrPaths,
      allowedHosts: toAllowedHosts(host.options),
    })
    if (closed) void engine.close()
    outcome = { resolved }
    return engine
  })
  ready.catch((error: unknown) => (outcome = { error }))
  return {
    ready,
    current: () => engine,
    outcome: () => outcome,
    close: () => {
      closed = true
      void engine?.close()
    },
  }
}
