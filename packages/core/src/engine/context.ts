import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http'
import type { SecureContext } from 'node:tls'
import type { Duplex } from 'node:stream'
import type { ProxyServer } from 'httpxy'
import type { ProxyError } from '../errors/proxy-error.ts'
import type { InspectorSlot } from '../inspector/inspector-for.ts'
import type { ExchangeTrace } from '../inspector/trace-exchange.ts'
import type { DebugFn } from '../logging/debug.ts'
import type { MockIO } from '../pipeline/mock/types.ts'
import type { ForwardPlan, Pipeline } from '../pipeline/types.ts'
import type { UpstreamTimer } from '../pipeline/upstream-timer.ts'
import type { Match, ResolvedRoute } from '../types.ts'
import type { UpstreamAgents } from './agents.ts'

/** Environment variables, as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>

/** The TLS trust of a route with `ca`. */
export interface RouteTrust {
  readonly context: SecureContext
  /** The route's CAs as PEM text. */
  readonly ca: readonly string[]
}

/** What one Node engine owns; shared by every request it handles. Internal. */
export interface EngineState {
  /**
   * What a request starting now is decided with (config, host check, CORS mode, logger). `update`
   * replaces it; a request keeps the one it started with (`BaseContext.pipeline`).
   */
  pipeline: Pipeline
  /** `DEBUG=sameorigin:engine` */
  readonly debug: DebugFn | undefined
  /** `DEBUG=sameorigin:ws` */
  readonly wsDebug: DebugFn | undefined
  /** The httpxy instance that pipes requests and upgrades (its global options are all off). */
  readonly proxy: ProxyServer
  readonly agents: UpstreamAgents
  /** TLS trust of a route with `ca` (Node's roots plus the route's CAs, as PEM), built once per route. */
  readonly trustFor: (route: ResolvedRoute) => RouteTrust | undefined
  readonly env: Env
  /** Mock folders on disk, handler modules and body decoding, for routes with a `mock`. */
  readonly mockIO: MockIO
  /** Client and upstream sockets of open WebSockets, destroyed by `close()`. */
  readonly sockets: Set<Duplex>
  /**
   * The key under which a request's state is kept on its `req`, found again from httpxy's events
   * (which only pass `req`). A property, not a `WeakMap`: every entry of a `WeakMap` is an ephemeron
   * the garbage collector traces specially, and at thousands of requests a second that showed as a
   * third of the engine's GC time. One symbol per engine, so two engines in one server never mix.
   */
  readonly contextKey: symbol
  /** The inspector, once a request needed it (the `inspector` option on, and not off in the config). */
  readonly inspection: InspectorSlot
  closed: boolean
}

/** The state every pass of a request or an upgrade shares. */
export interface BaseContext {
  readonly kind: 'request' | 'upgrade'
  readonly engine: EngineState
  /** The engine's pipeline when the request arrived: a reload meanwhile does not change its course. */
  readonly pipeline: Pipeline
  readonly req: IncomingMessage
  /** `performance.now()` when the engine received the request. */
  readonly startedAt: number
  /** The route the pipeline matched, if it got that far (for the failure line and error page). */
  match?: Match
  /** What the pipeline decided, when it decided to forward. */
  plan?: ForwardPlan
  /** The forward proxy in use (credentials removed), set by the forward pass. */
  forwardProxy?: string
  /** The connect and idle clocks, once forwarding started. */
  timer?: UpstreamTimer
  /** The first error that ended the request; later ones are consequences and are not reported. */
  failure?: ProxyError
  /** Ends the request with `error`: one log line, then an error answer or a destroyed socket. */
  readonly fail: (error: ProxyError) => void
  /** The exchange as the inspector records it, when it is on. */
  trace?: ExchangeTrace
}

/** An HTTP request going through the middleware. */
export interface RequestContext extends BaseContext {
  readonly kind: 'request'
  readonly res: ServerResponse
  readonly next: (error?: unknown) => void
  /**
   * The request to the upstream, once httpxy created it (its `proxyReq` event). `fail` destroys it
   * with the error, which then reaches httpxy's error handler; a per-request `AbortController` would
   * cost an allocation and listeners on every request for the rare one that fails.
   */
  upstreamRequest?: ClientRequest
  /**
   * Set when the client closed the exchange before the response was complete (a closed tab, an
   * `EventSource.close()`, an HTTP/2 RST_STREAM). Read from the response's `close` event, which both
   * protocols emit: an HTTP/2 compatibility response has no `destroyed`, and its `writableFinished`
   * is true once the stream closed, reset or not. After it, a failure is the client's doing, never
   * reported as the upstream's.
   */
  clientLeft?: boolean
  /** The upstream status once its headers arrived. */
  status?: number
  /** Set with `status`: the answer is an event stream, with no idle limit. */
  eventStream?: boolean
  /** In CORS mode, the request's allowed `Origin`: its answer, error answers included, carries CORS headers. */
  corsOrigin?: string
  /** The upstream's own response head, kept on a route with a mock (recordings save it). */
  upstreamHeaders?: IncomingMessage['headers']
  /** The mock that answered (its file below the mock folder, or `handler`), for the log lines. */
  mocked?: string
  /** The route's mock answers in the backend's place (`'always'` mode): nothing goes upstream. */
  mockOnly?: boolean
}

/** A WebSocket upgrade going through `upgrade()`. */
export interface UpgradeContext extends BaseContext {
  readonly kind: 'upgrade'
  readonly socket: Duplex
  readonly head: Buffer
  /** Set once the 101 went to the client. */
  upgraded: boolean
  /** Set once the upstream answered without upgrading (httpxy streams that answer to the client). */
  refused: boolean
  /** The handshake request to the upstream, once httpxy created it. */
  upstreamRequest?: ClientRequest
}

/** A request carrying its state under an engine's `contextKey`. */
type WithContext = IncomingMessage & Record<symbol, RequestContext | UpgradeContext | undefined>

/** Keeps `ctx` on its request for httpxy's events (see `EngineState.contextKey`). */
export function attachContext(ctx: RequestContext | UpgradeContext): void {
  ;(ctx.req as WithContext)[ctx.engine.contextKey] = ctx
}

/** The state `attachContext` kept on `req` for this engine, if any. */
export function findContext(
  engine: EngineState,
  req: IncomingMessage,
): RequestContext | UpgradeContext | undefined {
  return (req as WithContext)[engine.contextKey]
}
