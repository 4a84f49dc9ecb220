import type { ConfigIssue, Logger, ResolvedConfig } from '@sameorigin/core'
import { formatRouteTable } from '@sameorigin/core'
import type { ProxyOverlap } from './find-proxy-overlaps.ts'

function formatWarning(issue: ConfigIssue): string {
  return `${issue.path}: ${issue.message}${issue.fix === undefined ? '' : `\n  fix: ${issue.fix}`}`
}

/** The one warning about `devServer.proxy` entries that overlap routes, naming every entry and route. */
export function formatOverlapWarning(overlaps: readonly ProxyOverlap[]): string {
  const pairs = overlaps.map(
    ({ key, routes }) => `'${key}' (route ${routes.map((id) => `'${id}'`).join(', ')})`,
  )
  return [
    `devServer.proxy has entries for paths sameorigin also routes: ${pairs.join(', ')}.`,
    `  sameorigin answers these requests first (its middleware runs before the dev server's proxy, and both`,
    `  would take a matching WebSocket); devServer.proxy is left as it is. Remove the entries from one of the two.`,
  ].join('\n')
}

/**
 * Prints the route table, then every config warning and the proxy-overlap warning, through the
 * `[sameorigin]` level logger (so `logLevel` applies). Called right after the dev server's
 * "Project is running at" lines.
 */
export function printStartup(log: Logger, resolved: ResolvedConfig, overlaps: readonly ProxyOverlap[]): void {
  log.info(formatRouteTable(resolved))
  for (const issue of resolved.warnings) log.warn(formatWarning(issue))
  if (overlaps.length > 0) log.warn(formatOverlapWarning(overlaps))
}
