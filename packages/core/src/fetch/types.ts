import type { PipelineOptions } from '../pipeline/create-pipeline.ts'
import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import type { ResolvedConfig, ResolvedRoute, UserConfig } from '../types.ts'

/** One request to an upstream, exactly as the pipeline planned it. */
export interface UpstreamExchange {
  /** The matched route (its target, `secure`, `ca`, clocks). */
  readonly route: ResolvedRoute
  /** Where the request goes: the route's target with the rewritten path and query. */
  readonly url: URL
  readonly method: string
  /**
   * Exactly the headers the upstream must receive (lower-case names; `host` is the target's, the
   * framing is `content-length` or `transfer-encoding: chunked`; `expect` already removed).
   */
  readonly headers: ReadonlyHeaderRecord
  /** The request body, already guarded (it errors rather than end short); `null`: none. */
  readonly body: ReadableStream<Uint8Array> | null
  /** Aborted when the exchange ends early (the browser left, a clock ran out, `close()`): stop at once. */
  readonly signal: AbortSignal
  /** Call once the connection (TCP, TLS, any proxy tunnel) is up: the connect clock stops. */
  readonly connected: () => void
  /**
   * Call with the connection's clocks in ms (`connect`, 0 for a pooled one; `tls`), when the client
   * can see them (the Node client does; `fetch` cannot). The inspector shows them.
   */
  readonly connectTimings?:
    | ((timings: { connect: number | undefined; tls: number | undefined }) => void)
    | undefined
  /** Call when the connection will not verify the target's certificate (`secure: false` honoured). */
  readonly unverifiedTls: () => void
  /** Call with the forward proxy in use (credentials removed), for the failure line. */
  readonly viaForwardProxy: (proxy: string) => void
}

/** The upstream's answer: its head and a body stream that errors if the upstream breaks off. */
export interface UpstreamResponse {
  readonly status: number
  readonly statusText: string
  /** Lower-case names; `set-cookie` as an array, one entry per field. */
  readonly headers: ReadonlyHeaderRecord
  /** `null`: no body. Cancelled when the browser stops reading. */
  readonly body: ReadableStream<Uint8Array> | null
}

/**
 * How the Fetch transport reaches upstreams: `createNodeClient` (node:http, keep-alive agents, the
 * forward-proxy variables, per-route TLS trust) or `createRuntimeClient` (the runtime's `fetch`).
 * A rejection before the head is an upstream failure (a `ProxyError`, or a socket error that
 * `describeUpstreamError` reads).
 */
export interface UpstreamClient {
  /** Sends one request; resolves with the response head once it arrived. */
  readonly request: (exchange: UpstreamExchange) => Promise<UpstreamResponse>
  /** Destroys this client's connections, pooled and in flight. */
  readonly close: () => Promise<void>
}

/** Options of `createFetchProxy`. */
export interface FetchProxyOptions extends PipelineOptions {
  /**
   * How requests reach the upstream.
   * @default the Node client on Node (keep-alive agents), the runtime's fetch elsewhere
   */
  client?: UpstreamClient
  /**
   * Where HTTPS_PROXY/HTTP_PROXY/NO_PROXY are read (the Node client).
   * @default process.env on Node
   */
  env?: Readonly<Record<string, string | undefined>>
}

/** What the host knows about one request beyond the `Request` itself. */
export interface FetchRequestInfo {
  /**
   * The client's address, for X-Forwarded-For (SvelteKit's getClientAddress(), Next's last
   * x-forwarded-for entry).
   * @default undefined: no X-Forwarded-For entry is added for the client
   */
  clientAddress?: string
}

/** A Fetch API proxy: a Web `Request` in, a Web `Response` out, or `undefined` when it is not ours. */
export interface FetchProxy {
  /** `undefined`: no route matched (or CONNECT etc.): the host goes on. */
  (request: Request, info?: FetchRequestInfo): Promise<Response | undefined>
  /**
   * Decides the requests that start from now on with `config` (a reloaded config file), validated as
   * `createFetchProxy` validates it: a bad one throws and the proxy keeps its config. Requests in
   * flight finish on the config they started with.
   */
  update(config: UserConfig | ResolvedConfig): void
  /** Destroys this proxy's upstream connections (pooled and in flight). */
  close(): Promise<void>
}
