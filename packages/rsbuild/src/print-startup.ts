import type { ConfigIssue, Logger, ResolvedConfig } from '@sameorigin/core'
import { formatRouteTable } from '@sameorigin/core'
import type { ProxyOverlap } from './find-proxy-overlaps.ts'

/** What {@link printStartup} prints. */
export interface StartupReport {
  readonly resolved: ResolvedConfig
  /** Rsbuild `server.proxy` entries that sameorigin's routes also claim. */
  readonly overlaps: readonly ProxyOverlap[]
}

function formatWarning(issue: ConfigIssue): string {
  return `${issue.path}: ${issue.message}${issue.fix === undefined ? '' : `\n  fix: ${issue.fix}`}`
}

/** The one warning about `server.proxy` entries that overlap routes, naming every overlapping entry. */
export function formatOverlapWarning(overlaps: readonly ProxyOverlap[]): string {
  const pairs = overlaps.map(
    ({ key, routes }) => `'${key}' (route ${routes.map((id) => `'${id}'`).join(', ')})`,
  )
  return [
    `server.proxy has entries for paths sameorigin also routes: ${pairs.join(', ')}.`,
    `  sameorigin answers these requests first (its middleware runs before Rsbuild's proxy, and both would`,
    `  take a matching WebSocket); server.proxy is left as it is. Remove the entries from one of the two.`,
  ].join('\n')
}

/**
 * Prints the route table, then every config warning and the proxy-overlap warning, through the
 * `[sameorigin]` level logger (so `logLevel` applies). Called right after Rsbuild prints its URLs.
 */
export function printStartup(log: Logger, report: StartupReport): void {
  log.info(formatRouteTable(report.resolved))
  for (const issue of report.resolved.warnings) log.warn(formatWarning(issue))
  if (report.overlaps.length > 0) log.warn(formatOverlapWarning(report.overlaps))
}
