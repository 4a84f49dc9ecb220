import type { RsbuildPluginAPI } from '@rsbuild/core'
import type { Logger, ResolvedConfig } from '@sameorigin/core'
import { createLogger, reportClientFile } from '@sameorigin/core'

/**
 * Puts the report client (`@sameorigin/core/report-client.js`: it tells the dev server about the
 * page's calls to other origins that the browser blocked) before the entries of every web
 * environment, as the last `source.preEntry` (after yours: a polyfill of `fetch` is wrapped too), for
 * `rsbuild dev` only: `rsbuild build` and `rsbuild preview` bundle nothing of it. Whether to add it is
 * the config's (`inspector: false`: nothing), loaded by `load` for the dev server's mode. A config that
 * does not load adds nothing here: the dev server's start fails with its error.
 */
export function addReportClient(
  api: RsbuildPluginAPI,
  load: (mode: string) => Promise<ResolvedConfig>,
): void {
  api.modifyEnvironmentConfig(async (config, { mergeEnvironmentConfig }) => {
    if (api.context.action !== 'dev' || config.output.target !== 'web') return config
    const resolved = await load(config.mode).catch(() => undefined)
    if (resolved === undefined || resolved.inspector === false) return config
    return mergeEnvironmentConfig(config, { source: { preEntry: [reportClientFile] } })
  })
}

/**
 * Wraps the watcher's `apply` for `rsbuild dev`: the report client is bundled (or not) when the dev
 * server starts, so a reload that turns `inspector` on or off changes the server but not the page.
 * When the page no longer matches the config, one `info` line says so, after the watcher's own line
 * (which `apply` runs just before, synchronously).
 */
export function followReportClient(
  bundled: boolean,
  current: ResolvedConfig,
  logger: Logger,
  apply: (next: ResolvedConfig) => void,
): (next: ResolvedConfig) => void {
  let wasOn = current.inspector !== false
  return (next) => {
    apply(next)
    const on = next.inspector !== false
    const flipped = on !== wasOn
    wasOn = on
    if (!flipped || on === bundled) return
    const line = on
      ? 'the page has no report client (it is bundled when rsbuild dev starts): restart rsbuild dev to have blocked calls reported'
      : 'the page keeps its report client until rsbuild dev restarts; its reports get 404 until then'
    queueMicrotask(() => createLogger(next.logLevel, { logger }).info(line))
  }
}
