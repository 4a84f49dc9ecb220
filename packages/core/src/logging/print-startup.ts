import { INSPECTOR_BASE_PATH } from '../inspector/paths.ts'
import { formatRouteTable } from './format-route-table.ts'
import type { RouteOverlap } from '../rules/find-route-overlaps.ts'
import type { ConfigIssue, Logger, ResolvedConfig } from '../types.ts'

/** What {@link printStartup} prints, and how the host names its own proxy. */
export interface StartupReport {
  readonly resolved: ResolvedConfig
  /** Host proxy entries the routes also claim (`findRouteOverlaps`). */
  readonly overlaps: readonly RouteOverlap[]
  /** The host option they come from: `server.proxy`, `preview.proxy`, `devServer.proxy`. */
  readonly proxyOption: string
  /** The host's proxy in a sentence: `Vite's proxy`, `the dev server's proxy`. */
  readonly proxyName: string
  /**
   * The dev server's own URL (`http://localhost:5173/`), when the engine serves the inspector there:
   * its address is printed under the table (unless the config says `inspector: false`).
   */
  readonly serverUrl?: string | undefined
}

function formatWarning(issue: ConfigIssue): string {
  return `${issue.path}: ${issue.message}${issue.fix === undefined ? '' : `\n  fix: ${issue.fix}`}`
}

/** The one warning about host proxy entries that overlap routes, naming every entry and route. */
export function formatOverlapWarning(
  report: Pick<StartupReport, 'overlaps' | 'proxyOption' | 'proxyName'>,
): string {
  const { overlaps, proxyOption, proxyName } = report
  const pairs = overlaps.map(
    ({ key, routes }) => `'${key}' (route ${routes.map((id) => `'${id}'`).join(', ')})`,
  )
  return [
    `${proxyOption} has entries for paths sameorigin also routes: ${pairs.join(', ')}.`,
    `  sameorigin answers these requests first (its middleware runs before ${proxyName}, and both would`,
    `  take a matching WebSocket); ${proxyOption} is left as it is. Remove the entries from one of the two.`,
  ].join('\n')
}

/**
 * Prints the route table, then every config warning and the proxy-overlap warning, through a level
 * logger (so `logLevel` applies). Adapters call it right after the host prints its URLs.
 */
export function printStartup(log: Logger, report: StartupReport): void {
  log.info(formatRouteTable(report.resolved))
  const { serverUrl } = report
  if (serverUrl !== undefined && report.resolved.inspector !== false)
    log.info(`inspector: ${new URL(INSPECTOR_BASE_PATH, serverUrl).href}`)
  for (const issue of report.resolved.warnings) log.warn(formatWarning(issue))
  if (report.overlaps.length > 0) log.warn(formatOverlapWarning(report))
}
