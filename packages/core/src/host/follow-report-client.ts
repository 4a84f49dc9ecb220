import { createLogger } from '../logging/logger.ts'
import type { Logger, ResolvedConfig } from '../types.ts'

/** What {@link followReportClient} needs to know about the page's bundle. */
export interface FollowReportClientOptions {
  /** The page's bundle has the report client (the config had the inspector on when the server started). */
  readonly bundled: boolean
  /** The config the server started with. */
  readonly current: ResolvedConfig
  /** The host's logger: one `info` line when the page no longer follows. */
  readonly logger: Logger
  /** What the user restarts, in the line: `rsbuild dev`, `the dev server`. */
  readonly restart: string
}

/**
 * Wraps a config watcher's `apply` for a host that bundles the report client when its dev server
 * starts (webpack-dev-server, Rspack, `rsbuild dev`): a reload that turns `inspector` on or off
 * changes the server but not the page. When the page no longer matches the config, one `info` line
 * says so, after the watcher's own line (which runs just after `apply`).
 * @example watchConfig(options, { ...where, current, logger, apply: followReportClient({ bundled, current, logger, restart: 'rsbuild dev' }, engine.update) })
 */
export function followReportClient(
  options: FollowReportClientOptions,
  apply: (next: ResolvedConfig) => void,
): (next: ResolvedConfig) => void {
  const { bundled, logger, restart } = options
  let wasOn = options.current.inspector !== false
  return (next) => {
    apply(next)
    const on = next.inspector !== false
    const flipped = on !== wasOn
    wasOn = on
    if (!flipped || on === bundled) return
    const line = on
      ? `the page has no report client (it is bundled when ${restart} starts): restart ${restart} to have blocked calls reported`
      : `the page keeps its report client until ${restart} restarts; its reports get 404 until then`
    queueMicrotask(() => createLogger(next.logLevel, { logger }).info(line))
  }
}
