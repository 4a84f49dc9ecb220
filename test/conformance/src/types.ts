import type { UserConfig } from '@sameorigin/core'

/**
 * What a host may or may not be able to do, one behaviour each, so a host that lacks one declares
 * exactly that gap (with its reason) and still runs every other test. Scenarios that need one say so
 * with `describeHosts(title, { requires })` or `it.requires(...)`.
 */
export const CAPABILITIES = {
  ws: 'websocket upgrades are proxied',
  hmr: "the host's own HMR websocket",
  wsOriginRewrite: 'a websocket handshake gets the same Origin rewrite as a request',
  wsErrors: 'a websocket handshake is answered 502 (upstream down) or 400 (unsafe path)',
  cookieRewrite: 'Set-Cookie rewritten for the dev origin',
  redirectRewrite: 'Location rewritten to the dev origin',
  originRewrite: 'Origin and Referer rewritten to the target',
  forwardedHeaders: "X-Forwarded-* set by the proxy alone (the client's replaced; none with `xfwd: false`)",
  keepHost: "`changeOrigin: false` sends the browser's Host to the upstream",
  headerOverrides: "a route's `headers` reach the upstream",
  dynamicHeaders: "a route's `headers` function is called per request and its values reach the upstream",
  methodConditions: 'routes matched by method',
  regexpRoutes: 'RegExp routes',
  rewriteQuery:
    "a rewrite's own query merged with the request's (the request's order, the rewrite's values win)",
  pathSafety: 'unsafe paths (encoded dot segments, NUL, backslash) refused with 400',
  absoluteForm: 'an absolute-form request line goes to the configured target',
  errorBodies: "the adapter's 502 answers (JSON or HTML) when the upstream is down",
  routeTimeouts: "a route's `timeout` → 504",
  clientAbort: 'a client that leaves (an event stream closed) aborts the upstream request at once',
  chunkedBodyClose:
    'a chunked request body goes upstream on a connection closed after it (a backend that does not decode chunked bodies cannot read a second request from it)',
  largeUploads: 'request bodies of any size, streamed',
  exactContentLength: "the upstream's Content-Length kept on a streamed answer",
  hostCheck: 'a foreign `Host` refused before any route',
  bodyRefusals: 'a GET or HEAD carrying a body refused with 400 before any backend',
  undeclaredBodyRefusals:
    'a GET or HEAD whose body only HTTP/2 DATA frames carry (no Content-Length) refused with 400 before any backend',
  traceRefusal: 'TRACE refused with 405 before any backend',
  connectRefusal: 'CONNECT answered 405 with a body, never a dropped socket (no tunnel on any host)',
  http2: 'requests arriving over HTTP/2 (TLS)',
  dualStackLocalhost:
    'a `localhost` target reaches a backend on either loopback address (`::1` or `127.0.0.1`), whatever `/etc/hosts` says',
  wsDualStackLocalhost: 'a websocket to a `localhost` target reaches a backend on either loopback address',
  mocks:
    "a route's `mock` answers from a folder ('always', 'fallback' when the backend is down) and 'record' saves the backend's answers",
  configReload:
    'an edit of the config file applies to the next request without a restart; a broken edit keeps the last good config',
  ssr: "a page rendered on the server fetches `/api/me` through the routes with the browser's cookies, and again from the browser once hydrated",
  inspector:
    'the inspector at `/__sameorigin/` (before any route, after the host check): every exchange with both heads and bodies, and the page',
} as const

/** The `ssr` gap of a dev server that renders no page on the server (no server code that could fetch). */
export const NO_SERVER_RENDERING =
  'serves built pages only: there is no server code rendering a page that could fetch'

/** One behaviour a host may lack: a key of {@link CAPABILITIES}. */
export type Capability = keyof typeof CAPABILITIES

/**
 * Per capability: `true` (or left out) when the host has it, else the reason it has not. The reason
 * is a footnote in the README's capability table, so write it for users. Every capability is
 * supported unless the host declares it as a gap.
 */
export type Capabilities = Readonly<Partial<Record<Capability, true | string>>>

/** One line the adapter (or the host) logged. */
export interface LogLine {
  readonly level: 'info' | 'warn' | 'error'
  readonly message: string
}

/** What the adapter logged while a host ran, for assertions such as "a logged ERR_UPSTREAM_UNREACHABLE". */
export interface CapturedLogs {
  readonly lines: LogLine[]
  /** Every line's message, joined by newlines. */
  readonly text: () => string
  /** Forgets the lines so far (called before each test, so a test sees only its own). */
  readonly clear: () => void
}

/** A host's HMR websocket: where its client connects, and how its messages say "connected" and "reload". */
export interface HmrSocket {
  /** The URL a browser would open. */
  readonly url: string
  /** The subprotocol its client asks for (Vite: `vite-hmr`); `''` or none: no subprotocol. */
  readonly protocol?: string
  /**
   * The `type` of the first message after connecting, and of the one that reloads the page when a
   * static file changes.
   * @default Vite's: `{ connected: 'connected', reload: 'full-reload' }`
   */
  readonly messages?: { readonly connected: string; readonly reload: string }
}

/** A running host: a dev server with sameorigin mounted, listening on 127.0.0.1. */
export interface StartedHost {
  /** `http://127.0.0.1:<port>`; `https://127.0.0.1:<port>` when started with `http2`. */
  readonly url: string
  readonly port: number
  /** The directory the host serves (a fresh copy of the fixture for Vite hosts). */
  readonly root: string
  readonly logs: CapturedLogs
  /** The host's own HMR websocket, when it has one (what its client script opens). */
  readonly hmr?: HmrSocket
  /** Stops the server, closes every connection and removes what `start` created. */
  readonly close: () => Promise<void>
}

/** What a block tells the host it will do, beyond its config. */
export interface StartOptions {
  /** The block proxies websocket upgrades (it `requires: ['ws']`). */
  readonly websockets: boolean
  /**
   * Serve over TLS with HTTP/2 (HTTP/1.1 still allowed over TLS where the host does that), with
   * `TLS_OPTIONS` from `hosts/tls.ts`; the block `requires: ['http2']`.
   */
  readonly http2: boolean
}

/** What `hosts/<name>.ts` declares. */
export interface HostDefinition {
  /** kebab-case, used in test titles, `CONFORMANCE_HOSTS`, `.results/<name>.json` and the table. */
  readonly name: string
  readonly capabilities: Capabilities
  /** Starts the host on 127.0.0.1 (a random port) serving `fixtureDir`, with sameorigin configured by `config`. */
  readonly start: (fixtureDir: string, config: UserConfig, options: StartOptions) => Promise<StartedHost>
}

/** A host definition plus the questions scenarios ask it. */
export interface Host extends HostDefinition {
  readonly supports: (capability: Capability) => boolean
  /**
   * Why the host cannot run a test needing `capabilities` (`<capability>: <reason>` per declared gap,
   * joined by `; `), or `undefined` when it supports them all.
   */
  readonly gapReason: (capabilities: readonly Capability[]) => string | undefined
}

/** Turns a declaration into a {@link Host}. */
export function defineHost(definition: HostDefinition): Host {
  const gap = (capability: Capability): string | undefined => {
    const declared = definition.capabilities[capability]
    return declared === undefined || declared === true ? undefined : declared
  }
  return {
    ...definition,
    supports: (capability) => gap(capability) === undefined,
    gapReason: (capabilities) => {
      const reasons = [...new Set(capabilities)].flatMap((capability) => {
        const reason = gap(capability)
        return reason === undefined ? [] : [`${capability}: ${reason}`]
      })
      return reasons.length === 0 ? undefined : reasons.join('; ')
    },
  }
}
