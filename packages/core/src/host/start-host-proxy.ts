import { resolve } from 'node:path'
import process from 'node:process'
import type { CreateProxyOptions, ProxyEngine } from '../engine/create-proxy.ts'
import { createProxy } from '../engine/create-proxy.ts'
import type { Logger, ResolvedConfig } from '../types.ts'
import { followReportClient } from './follow-report-client.ts'
import type { LoadHostConfigOptions } from './load-host-config.ts'
import { loadHostConfig } from './load-host-config.ts'
import type { SameOriginOptions } from './same-origin-options.ts'
import { watchConfig } from './watch-config.ts'

/** What a dev server tells {@link startHostProxy} about itself. */
export interface StartHostProxyOptions
  extends LoadHostConfigOptions, Pick<CreateProxyOptions, 'allowedHosts' | 'hmrPaths'> {
  /** The host's logger (see `toHostLogger`): the engine's lines and the config's reloads. */
  readonly logger: Logger
  /**
   * The page got the report client when the server started (a preset, a builder option): what the
   * user restarts to follow an edit that turns the inspector on or off (`storybook dev`, `ng serve`).
   * Leave out when the host reads the config on every page.
   */
  readonly reportClient?: { readonly restart: string } | undefined
}

/** The proxy of a running dev server, on its config file. */
export interface HostProxy {
  /** Mount its `middleware` and `upgrade` in the host. */
  readonly engine: ProxyEngine
  /** The config serving now: the one loaded at start, then each good edit. */
  readonly current: () => ResolvedConfig
  /** Stops watching the config files and closes the engine. */
  readonly close: () => Promise<void>
}

/**
 * The proxy of a dev server that starts asynchronously (a Storybook preset, an Angular builder):
 * loads the config (`loadHostConfig`, from `root`), creates the engine with the inspector on (unless
 * the config says `inspector: false`) and shared with the framework's server code on the same root,
 * and keeps it on the config files (`watchConfig`): an edit serves from the next request, a bad one
 * is printed once while the last good config keeps serving. Resolves once the files are watched.
 * @throws ProxyError `ERR_CONFIG_LOAD_FAILED` or `ERR_CONFIG_INVALID`: the host fails its start
 * with every problem of the config, as a bad `vite.config` fails Vite's.
 * @example
 * const proxy = await startHostProxy(options, { root, logger, allowedHosts })
 * app.use(proxy.engine.middleware)
 */
export async function startHostProxy(
  options: SameOriginOptions,
  host: StartHostProxyOptions,
): Promise<HostProxy> {
  const { logger, allowedHosts, hmrPaths, reportClient, ...where } = host
  const resolved = await loadHostConfig(options, where)
  const engine = createProxy(resolved, {
    logger,
    inspector: true,
    shareInspector: resolve(where.root ?? process.cwd()),
    ...(allowedHosts === undefined ? {} : { allowedHosts }),
    ...(hmrPaths === undefined ? {} : { hmrPaths }),
  })
  let current = resolved
  const serve = (next: ResolvedConfig): void => {
    engine.update(next)
    current = next
  }
  const follow = { bundled: resolved.inspector !== false, current: resolved, logger }
  const apply = reportClient === undefined ? serve : followReportClient({ ...follow, ...reportClient }, serve)
  const watcher = watchConfig(options, { ...where, current: resolved, logger, apply })
  await watcher.ready
  return {
    engine,
    current: () => current,
    close: async () => {
      await watcher.close()
      await engine.close()
    },
  }
}
