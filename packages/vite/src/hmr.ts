import type { IncomingMessage, Server as HttpServer } from 'node:http'
import { posix } from 'node:path'
import type { ResolvedConfig } from 'vite'

/**
 * The subprotocols of Vite's own client sockets: HMR (`vite-hmr`) and the reconnect probe
 * (`vite-ping`). Vite serves both itself, on its HMR path.
 */
const VITE_PROTOCOLS: ReadonlySet<string> = new Set(['vite-hmr', 'vite-ping'])

/** What `server.ws` (Vite 8) or `server.hmr` (Vite 6 and 7, deprecated in 8) say about the HMR socket. */
interface HmrSocketOptions {
  readonly path?: string
  readonly server?: HttpServer
}

function readHmrOptions(config: ResolvedConfig): HmrSocketOptions | false {
  const server: { hmr?: unknown; ws?: unknown } = config.server
  if (server.hmr === false || server.ws === false) return false
  const ws = typeof server.ws === 'object' && server.ws !== null ? (server.ws as HmrSocketOptions) : {}
  const hmr = typeof server.hmr === 'object' && server.hmr !== null ? (server.hmr as HmrSocketOptions) : {}
  return { path: ws.path ?? hmr.path, server: ws.server ?? hmr.server }
}

/**
 * The path Vite's HMR socket listens on: `base` joined with the HMR `path`, as Vite computes it
 * (`/`, `/app/`, `/app/hmr`). Given to the engine as `hmrPaths`, so even a catch-all `ws` route
 * never captures it. Empty when HMR is off.
 */
export function toHmrPaths(config: ResolvedConfig): string[] {
  const options = readHmrOptions(config)
  if (options === false) return []
  return [options.path ? posix.join(config.base, options.path) : config.base]
}

/**
 * The HTTP server that receives upgrades when Vite runs in middleware mode: the one the user passed as
 * `server.ws.server` / `server.hmr.server`. `undefined` when none was passed.
 */
export function findHmrServer(config: ResolvedConfig): HttpServer | undefined {
  const options = readHmrOptions(config)
  return options === false ? undefined : options.server
}

/**
 * Whether an upgrade is one of Vite's own client sockets, by its `Sec-WebSocket-Protocol`
 * (a comma-separated list). Those are left to Vite whatever their path, so an HMR socket on a
 * custom path or behind a reverse proxy is never proxied either.
 */
export function isViteClientUpgrade(req: IncomingMessage): boolean {
  const header = req.headers['sec-websocket-protocol']
  if (header === undefined) return false
  return header.split(',').some((protocol) => VITE_PROTOCOLS.has(protocol.trim()))
}
