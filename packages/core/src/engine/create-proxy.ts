import type { IncomingMessage, ServerResponse } from 'node:http'
import process from 'node:process'
import type { Duplex } from 'node:stream'
import { createSecureContext, rootCertificates } from 'node:tls'
import { ProxyServer } from 'httpxy'
import { createDebug } from '../logging/debug.ts'
import { createLogger } from '../logging/logger.ts'
import { toResolvedConfig } from '../config/to-resolved-config.ts'
import type { Logger, ResolvedConfig, ResolvedRoute, UserConfig } from '../types.ts'
import { createAgents } from './agents.ts'
import type { EngineState, Env, RouteTrust } from './context.ts'
import { findContext } from './context.ts'
import { forwardInformational } from './forward-informational.ts'
import { handleRequest, handleResponse } from './handle-request.ts'
import { handleUpgrade } from './handle-upgrade.ts'
import type { CorsOptions } from './resolve-cors.ts'
import { resolveCors } from './resolve-cors.ts'
import { watchUpgrade } from './watch-upgrade.ts'

/** Options for {@link createProxy}. */
export interface CreateProxyOptions {
  /**
   * Where log lines go: the host's logger (Vite's `config.logger`), pino, winston or `console`.
   * Lines below the config's `logLevel` are dropped.
   * @default console
   */
  logger?: Logger
  /**
   * Upgrade paths the host serves itself (its HMR WebSocket, e.g. `/` for Vite or `/ws` for
   * webpack-dev-server), compared with the request path without its query. Never captured, even by a
   * catch-all route.
   * @default []
   */
  hmrPaths?: readonly string[]
  /**
   * Host names the dev server answers for. `localhost`, `*.localhost` and IP addresses are always
   * allowed; add others by name, or with a leading dot for a domain and its subdomains
   * (`'.example.test'`). `true` allows any host: only behind something that checks it already.
   * Requests and WebSocket upgrades naming another host get 403 and reach no backend: a page on an
   * attacker's domain that resolves to 127.0.0.1 (DNS rebinding) could otherwise read the backend's
   * answers through the proxy. Adapters pass the host's own setting (Vite's `server.allowedHosts`).
   * @default []
   */
  allowedHosts?: readonly string[] | true
  /**
   * Where `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (or their lower-case forms) are read from, on
   * every request.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>
  /**
   * CORS mode, for pages that cannot be same-origin with the proxy (Storybook, a mobile simulator, an
   * app on another port): the listed origins may call it cross-origin. Preflights are answered by the
   * proxy, answers get the CORS headers (the exact origin and `Vary: Origin`, never `*` with
   * credentials) in place of the backend's, and a request or WebSocket from any other origin gets 403
   * and reaches no backend. Without it (the default) the proxy adds no CORS headers: the page and the
   * proxy share an origin.
   * @default undefined
   * @example createProxy(resolved, { cors: { origins: ['http://localhost:6006'], credentials: true } })
   */
  cors?: CorsOptions
}

/** The connect-style middleware of the engine. */
export type ProxyMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/** One proxy engine: mount `middleware` and `upgrade` in a host, call `close` when it stops. */
export interface ProxyEngine {
  /**
   * Forwards requests that match a route; calls `next()` untouched for the others. Named
   * `sameoriginProxyMiddleware`, so it shows up in `DEBUG=connect:*`.
   */
  readonly middleware: ProxyMiddleware
  /**
   * For the server's `upgrade` event. Returns `true` when the engine took the socket (a WebSocket on a
   * `ws` route, or an error answer); `false` leaves the upgrade, socket untouched, to the host.
   */
  readonly upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean
  /** Destroys this engine's upstream sockets (pooled, in flight, and open WebSockets). */
  readonly close: () => Promise<void>
}

/** Node's bundled roots plus the route's CAs, once per route with `ca` (`ca` adds, it does not replace). */
function toRouteTrust(routes: readonly ResolvedRoute[]): Map<ResolvedRoute, RouteTrust> {
  const trust = new Map<ResolvedRoute, RouteTrust>()
  for (const route of routes) {
    if (route.ca === undefined || route.target.protocol !== 'https:') continue
    const ca = route.ca.map((pem) => (typeof pem === 'string' ? pem : Buffer.from(pem).toString('utf8')))
    trust.set(route, { context: createSecureContext({ ca: [...rootCertificates, ...ca] }), ca })
  }
  return trust
}

/**
 * Creates the Node proxy engine for a config: a connect middleware, an upgrade handler and `close`.
 * `config` is a user config (`{ routes: { … } }`, resolved here: every problem at once as
 * `ERR_CONFIG_INVALID`) or what `resolveConfig` / `loadConfig` return. It carries out what the rules
 * and rewrite core decide, through httpxy, with its own keep-alive agents (never shared with another
 * engine).
 * @example
 * const proxy = createProxy({ routes: { '/api': 'http://127.0.0.1:8080' } }, { logger })
 * server.middlewares.use(proxy.middleware)
 * httpServer.on('upgrade', (req, socket, head) => proxy.upgrade(req, socket, head))
 */
export function createProxy(
  config: UserConfig | ResolvedConfig,
  options: CreateProxyOptions = {},
): ProxyEngine {
  // Validated first: a bad config or option throws before any socket exists.
  const resolved = toResolvedConfig(config, 'createProxy')
  const cors = options.cors === undefined ? undefined : resolveCors(options.cors)
  const proxy = new ProxyServer()
  const engine: EngineState = {
    config: resolved,
    log: createLogger(resolved.logLevel, { logger: options.logger ?? globalThis.console }),
    debug: createDebug('sameorigin:engine'),
    wsDebug: createDebug('sameorigin:ws'),
    proxy,
    agents: createAgents(),
    secureContexts: toRouteTrust(resolved.routes),
    hmrPaths: new Set(options.hmrPaths ?? []),
    // Frozen, so host-validation-middleware caches each verdict per Host value.
    allowedHosts: options.allowedHosts === true ? true : Object.freeze([...(options.allowedHosts ?? [])]),
    env: (options.env ?? process.env) as Env,
    cors,
    warnedInsecure: new Set(),
    sockets: new Set(),
    contextKey: Symbol('sameorigin request'),
    closed: false,
  }
  proxy.on('proxyReq', (proxyReq, req) => {
    const ctx = findContext(engine, req)
    if (ctx?.kind !== 'request') return
    ctx.upstreamRequest = proxyReq
    if (proxyReq.socket !== null) ctx.timer?.onSocket(proxyReq.socket)
    proxyReq.on('information', (info) => forwardInformational(ctx, info))
  })
  proxy.on('proxyRes', (proxyRes, req) => {
    const ctx = findContext(engine, req)
    if (ctx?.kind === 'request') handleResponse(ctx, proxyRes)
  })
  proxy.on('proxyReqWs', (proxyReq, req) => {
    const ctx = findContext(engine, req)
    if (ctx?.kind === 'upgrade') watchUpgrade(ctx, proxyReq)
  })

  return {
    middleware: function sameoriginProxyMiddleware(req, res, next) {
      handleRequest(engine, req, res, next)
    },
    upgrade: (req, socket, head) => handleUpgrade(engine, req, socket, head),
    close: async () => {
      engine.closed = true
      engine.agents.destroy()
      for (const socket of engine.sockets) socket.destroy()
      engine.sockets.clear()
    },
  }
}
