import type { IncomingMessage, ServerResponse } from 'node:http'
import process from 'node:process'
import type { Duplex, Readable } from 'node:stream'
import { ProxyServer } from 'httpxy'
import { findErrorPage } from '../errors/read-error-page.ts'
import { createDebug } from '../logging/debug.ts'
import { createPipeline } from '../pipeline/create-pipeline.ts'
import type { PipelineOptions } from '../pipeline/create-pipeline.ts'
import type { ResolvedConfig, UserConfig } from '../types.ts'
import { createAgents } from './agents.ts'
import { NODE_INSPECTOR_HOOKS } from '../inspector/node-inspector-hooks.ts'
import { createMockIO } from './create-mock-io.ts'
import type { EngineState, Env } from './context.ts'
import { findContext } from './context.ts'
import { forwardInformational } from './forward-informational.ts'
import { handleRequest, handleResponse } from './handle-request.ts'
import { handleUpgrade } from './handle-upgrade.ts'
import { watchUpgrade } from './watch-upgrade.ts'
import { createTrustCache } from './to-route-trust.ts'
import { traceUpstreamRequest } from './trace-upstream-request.ts'
import { whenConnected } from './when-connected.ts'
import { holdInspectorSlot } from '../inspector/share-inspector-slot.ts'

/** Options for {@link createProxy}: the pipeline's, and where the forward-proxy variables are read. */
export interface CreateProxyOptions extends PipelineOptions {
  /**
   * Where `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (or their lower-case forms) are read from, on
   * every request.
   * @default process.env
   */
  env?: Readonly<Record<string, string | undefined>>
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
  /**
   * Decides the requests that start from now on with `config` (a reloaded config file), validated
   * as `createProxy` validates it: a bad one throws and the engine keeps its config. Requests in
   * flight finish on the config they started with; open WebSockets stay open; pooled connections
   * are kept.
   */
  readonly update: (config: UserConfig | ResolvedConfig) => void
  /** Destroys this engine's upstream sockets (pooled, in flight, and open WebSockets). */
  readonly close: () => Promise<void>
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
  const hooks = { explain: findErrorPage }
  const pipeline = createPipeline(config, options, 'createProxy', hooks)
  const proxy = new ProxyServer()
  const inspection = holdInspectorSlot(options.shareInspector, NODE_INSPECTOR_HOOKS)
  const engine: EngineState = {
    pipeline,
    debug: createDebug('sameorigin:engine'),
    wsDebug: createDebug('sameorigin:ws'),
    proxy,
    agents: createAgents(),
    trustFor: createTrustCache(),
    env: (options.env ?? process.env) as Env,
    mockIO: createMockIO(),
    sockets: new Set(),
    contextKey: Symbol('sameorigin request'),
    inspection: inspection.slot,
    closed: false,
  }
  proxy.on('proxyReq', (proxyReq, req, _res, forwarding) => {
    const ctx = findContext(engine, req)
    if (ctx?.kind !== 'request') return
    ctx.upstreamRequest = proxyReq
    if (ctx.trace !== undefined)
      traceUpstreamRequest(ctx.trace, proxyReq, (forwarding.buffer as Readable | undefined) ?? req)
    if (proxyReq.socket !== null && ctx.timer !== undefined)
      whenConnected(proxyReq.socket, ctx.timer.connected)
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
    update: (next) => {
      engine.pipeline = createPipeline(next, options, 'update', hooks)
    },
    close: async () => {
      engine.closed = true
      engine.agents.destroy()
      for (const socket of engine.sockets) socket.destroy()
      engine.sockets.clear()
      await inspection.release()
    },
  }
}
