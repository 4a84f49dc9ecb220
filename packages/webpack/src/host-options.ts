import type { DevServerConfig } from './dev-server.ts'

/** The dev servers' default path of their HMR / live-reload socket (`webSocketServer.options.path`). */
const DEFAULT_HMR_PATH = '/ws'

function pathOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    try {
      // `client.webSocketURL: 'ws://localhost:8080/ws'`; a bare path is not a URL and names no path.
      return new URL(value).pathname
    } catch {
      return undefined
    }
  }
  if (typeof value === 'object' && value !== null) {
    const { pathname } = value as { pathname?: unknown }
    return typeof pathname === 'string' ? pathname : undefined
  }
  return undefined
}

function hostnameOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    try {
      return new URL(value).hostname
    } catch {
      return undefined
    }
  }
  const hostname =
    typeof value === 'object' && value !== null ? (value as { hostname?: unknown }).hostname : undefined
  return typeof hostname === 'string' ? hostname : undefined
}

function webSocketUrlOf(options: DevServerConfig): unknown {
  return typeof options.client === 'object' && options.client !== null
    ? (options.client as { webSocketURL?: unknown }).webSocketURL
    : undefined
}

/**
 * The paths of the dev server's own HMR / live-reload socket, given to the engine as `hmrPaths` so even
 * a catch-all `ws` route never captures it: `webSocketServer.options.path` (default `/ws`) and the path
 * of `client.webSocketURL` when set (the client's view, which differs behind a reverse proxy). Empty
 * with `webSocketServer: false`.
 */
export function toHmrPaths(options: DevServerConfig): string[] {
  const { webSocketServer } = options
  if (webSocketServer === false) return []
  const serverOptions =
    typeof webSocketServer === 'object' && webSocketServer !== null
      ? (webSocketServer as { options?: { path?: unknown } }).options
      : undefined
  const paths = new Set<string>()
  paths.add(typeof serverOptions?.path === 'string' ? serverOptions.path : DEFAULT_HMR_PATH)
  const clientPath = pathOf(webSocketUrlOf(options))
  if (clientPath !== undefined && clientPath !== '') paths.add(clientPath)
  return [...paths]
}

/**
 * The dev server's DNS-rebinding setting (`allowedHosts`, default `'auto'`) in the engine's terms:
 * `'all'` allows any host; `'auto'` allows this machine's names and IPs (the engine always does) plus
 * the `host` option and the hostname of `client.webSocketURL`, as the dev servers do; a name or a list
 * is used as written (a leading dot allows a domain and its subdomains in both).
 */
export function toAllowedHosts(options: DevServerConfig): readonly string[] | true {
  const { allowedHosts } = options
  // The dev servers read `'all'` inside a list as `'all'` too.
  if (allowedHosts === 'all' || (Array.isArray(allowedHosts) && allowedHosts.includes('all'))) return true
  if (Array.isArray(allowedHosts)) return allowedHosts.filter((host) => typeof host === 'string')
  if (typeof allowedHosts === 'string' && allowedHosts !== 'auto') return [allowedHosts]
  const hosts: string[] = []
  if (typeof options.host === 'string' && options.host !== '') hosts.push(options.host)
  const clientHost = hostnameOf(webSocketUrlOf(options))
  if (clientHost !== undefined && clientHost !== '') hosts.push(clientHost)
  return hosts
}
