import type { RsbuildPluginAPI } from '@rsbuild/core'
import type { ResolvedConfig } from '@sameorigin/core'
import { reportClientFile } from '@sameorigin/core'

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
