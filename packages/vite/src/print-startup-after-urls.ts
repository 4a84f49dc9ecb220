import type { ResolvedConfig } from '@sameorigin/core'
import { createLogger, printStartup, toHostLogger } from '@sameorigin/core'
import type { PreviewServer, ViteDevServer } from 'vite'
import { findProxyOverlaps } from './find-proxy-overlaps.ts'
import { writeToViteLogger } from './write-to-vite-logger.ts'

/**
 * The startup report of a Vite dev or preview server (the route table, config warnings, and the
 * `server.proxy` / `preview.proxy` keys that sameorigin's routes overlap), printed under Vite's URLs:
 * `server.printUrls` is wrapped, so the report follows whenever Vite or the user prints them. In
 * middleware mode Vite prints no URLs (it throws if asked to), so the report is printed at once.
 * The overlaps are computed now, against the proxy keys Vite has resolved. Under the table, the
 * inspector's address on the first local URL Vite resolved (`http://localhost:5173/__sameorigin/`);
 * in middleware mode the server's URL is the user's, so none is printed.
 */
export function printStartupAfterUrls(
  server: ViteDevServer | PreviewServer,
  resolved: ResolvedConfig,
  kind: 'dev' | 'preview',
): void {
  const { config } = server
  const report = {
    resolved,
    overlaps: findProxyOverlaps(resolved, kind === 'dev' ? config.server.proxy : config.preview.proxy),
    proxyOption: kind === 'dev' ? 'server.proxy' : 'preview.proxy',
    proxyName: "Vite's proxy",
  }
  const log = createLogger(resolved.logLevel, {
    logger: toHostLogger(writeToViteLogger(config.logger, { timestamp: false })),
  })
  if (server.httpServer === null) {
    printStartup(log, report)
    return
  }
  const printUrls = server.printUrls
  server.printUrls = function printUrlsAndRoutes(this: unknown) {
    printUrls.call(this)
    printStartup(log, { ...report, serverUrl: server.resolvedUrls?.local[0] })
  }
}
