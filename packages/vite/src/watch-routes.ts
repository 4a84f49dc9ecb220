import type { LoadHostConfigOptions, Logger, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { watchConfig } from '@sameorigin/core'
import type { WebSocketServer } from 'vite'
import { createProblemOverlay } from './create-problem-overlay.ts'

/** Options for {@link watchRoutes}. */
export interface WatchRoutesOptions {
  /** The plugin's options, as the config was loaded with. */
  readonly options: SameOriginOptions
  /** Vite's `root`, `mode` and `envDir`, as the config was loaded with. */
  readonly host: LoadHostConfigOptions
  /** The config the engine serves now. */
  readonly resolved: ResolvedConfig
  /** Serves `next` from the next request on (the engine's `update`, and whatever else reads the config). */
  readonly engine: { readonly update: (next: ResolvedConfig) => void }
  /** Vite's logger, as the core writes to it. */
  readonly logger: Logger
  /** The dev server's HMR socket, where a bad edit also shows in Vite's error overlay; none in preview. */
  readonly ws?: WebSocketServer | undefined
}

/** A running {@link watchRoutes}. */
export interface RoutesWatcher {
  /** Resolves once the files are watched: an edit made before may go unseen. */
  readonly ready: Promise<void>
  /** Stops watching, and showing the problem to pages that connect later. */
  readonly close: () => Promise<void>
}

/**
 * Keeps one server's engine on the config files: core's `watchConfig` reloads `sameorigin.config.*`
 * and its `.env*` files when they change, the engine serves the new routes from the next request on,
 * and one line says what changed. A bad edit keeps the last good config serving, is printed once and,
 * in `vite dev`, shown in Vite's error overlay until an edit fixes it.
 */
export function watchRoutes(watch: WatchRoutesOptions): RoutesWatcher {
  const overlay = watch.ws === undefined ? undefined : createProblemOverlay(watch.ws)
  let configFile = watch.resolved.configFile
  const watcher = watchConfig(watch.options, {
    ...watch.host,
    current: watch.resolved,
    logger: watch.logger,
    apply: (next) => {
      watch.engine.update(next)
      configFile = next.configFile
    },
    onProblem: (problem) => {
      // A file that failed to load names itself; a config that loaded but is invalid is the config file.
      const file = problem?.details.file
      overlay?.report(problem, typeof file === 'string' ? file : configFile)
    },
  })
  return {
    ready: watcher.ready,
    close: async () => {
      overlay?.close()
      await watcher.close()
    },
  }
}
