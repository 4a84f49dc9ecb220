import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { Http2SecureServer, SecureServerOptions } from 'node:http2'
import { createSecureServer } from 'node:http2'
import type { Duplex } from 'node:stream'
import type { CreateProxyOptions } from '../engine/create-proxy.ts'
import { createProxy } from '../engine/create-proxy.ts'
import { toResolvedConfig } from '../config/to-resolved-config.ts'
import type { ResolvedConfig, UserConfig } from '../types.ts'
import { refuseConnect } from './refuse-connect.ts'

/** Options for {@link createProxyServer}: those of `createProxy`, plus what answers unmatched requests. */
export interface CreateProxyServerOptions extends CreateProxyOptions {
  /**
   * Answers requests no route matches (a static file server, an app). Without it they get a short
   * `404` in plain text.
   * @default a 404 answer
   */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void
  /**
   * Serve over TLS with these options (`cert` and `key` at least): HTTP/2 negotiated by ALPN, and
   * HTTP/1.1 (websockets included) for clients without it, as Vite does with `server.https`.
   * @default undefined (plain HTTP/1.1)
   */
  https?: SecureServerOptions
}

/** The server `createProxyServer` makes: HTTP/1.1, or TLS with HTTP/2 when `https` is given. */
export type ProxyHttpServer = Server | Http2SecureServer

/** A server from {@link createProxyServer}: the Node server, plus its engine's `update`. */
export type UpdatableProxyServer<S extends ProxyHttpServer = ProxyHttpServer> = S & {
  /**
   * The engine's `update`: requests starting from now on are decided with `config` (a reloaded
   * config file, as `watchConfig` hands it over), validated as `createProxyServer` validates it (a
   * bad one throws and the server keeps its config). Requests in flight finish on the config they
   * started with; open WebSockets and pooled upstream connections stay.
   */
  readonly update: (config: UserConfig | ResolvedConfig) => void
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  const body = 'Not found: no sameorigin route matches this path.\n'
  res.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  })
  res.end(body)
}

/**
 * A Node HTTP server (HTTP/2 over TLS with `https`) with the engine mounted: matched requests and
 * WebSockets are proxied, the rest go to `fallback`; `CONNECT` gets `405` (no tunnels). `config` is a
 * user config or what `resolveConfig` / `loadConfig` return, as for `createProxy`. Closing the server
 * closes the engine (its agents and open WebSockets). `server.update(config)` replaces the config
 * between requests, for live reload (`watchConfig`). Not listening yet: see `listen()`.
 * @example
 * const server = createProxyServer({ routes: { '/api': 'http://127.0.0.1:8080' } })
 * const { url } = await listen(server, { port: 5173 })
 * const watcher = watchConfig({}, { current: resolved, logger, apply: server.update })
 */
export function createProxyServer(
  config: UserConfig | ResolvedConfig,
  options?: CreateProxyServerOptions & { https?: undefined },
): UpdatableProxyServer<Server>
export function createProxyServer(
  config: UserConfig | ResolvedConfig,
  options: CreateProxyServerOptions & { https: SecureServerOptions },
): UpdatableProxyServer<Http2SecureServer>
export function createProxyServer(
  config: UserConfig | ResolvedConfig,
  options?: CreateProxyServerOptions,
): UpdatableProxyServer
export function createProxyServer(
  config: UserConfig | ResolvedConfig,
  options: CreateProxyServerOptions = {},
): UpdatableProxyServer {
  const { fallback = notFound, https, ...proxyOptions } = options
  const engine = createProxy(toResolvedConfig(config, 'createProxyServer'), proxyOptions)
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    engine.middleware(req, res, (error) => {
      if (error === undefined) return fallback(req, res)
      res.statusCode = 500
      res.end()
    })
  }
  // The engine takes Node's HTTP/2 compatibility objects as it takes IncomingMessage/ServerResponse.
  const server: ProxyHttpServer =
    https === undefined
      ? createServer(handle)
      : createSecureServer({ ...https, allowHTTP1: true }, handle as never)
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // No host owns other upgrades here: refuse them rather than leave the socket hanging.
    if (!engine.upgrade(req, socket, head)) socket.destroy()
  })
  // Node hands CONNECT to this event, not to the request handler: without it the socket is dropped.
  server.on('connect', refuseConnect)
  server.on('close', () => void engine.close())
  return Object.assign(server, { update: engine.update })
}
