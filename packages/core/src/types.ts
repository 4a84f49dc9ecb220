import type { ErrorCode } from './errors/codes.ts'

/** How much the proxy logs. `debug` adds one line per proxied request. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/**
 * Where log lines go. Any object with `info`, `warn` and `error` fits: the host's logger (Vite's
 * `config.logger`), `console`, pino or winston.
 */
export type Logger = Pick<Console, 'info' | 'warn' | 'error'>

/** Values captured by a route's pattern: `/users/:id` gives `{ id: '42' }`. */
export type RouteParams = Readonly<Record<string, string | undefined>>

/** What a rewrite function receives besides the path. */
export interface RewriteContext {
  /** Parameters captured by the route's pattern (for a prefix route, `path` is what follows the prefix). */
  readonly params: RouteParams
  /** The request's query string including the leading `?`, or `''`. */
  readonly search: string
}

/**
 * Computes the upstream path (below the target's base path) from the request path.
 * Its result is normalised and checked like any request path: it cannot leave the target's base path.
 * A query in the result (`/v1/me?legacy=1`) is a query: merged with the request's, the result's values
 * winning for the names it sets (`Match.upstreamSearch`).
 */
export type RewriteFunction = (path: string, context: RewriteContext) => string

/** The request a {@link HeadersFunction} is called with: plain data, no socket. */
export interface HeadersRequest {
  /** Upper-case, as the browser sent it. */
  readonly method: string
  /** The normalised request path the route matched, without the query. */
  readonly path: string
  /** The browser's request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
}

/**
 * Computes a route's upstream request headers per request (a token that expires): a string sets the
 * header, `null` removes it. Called before anything is sent upstream; its values are checked like a
 * static `headers` object's (a bad one answers 500 `ERR_ROUTE_HEADERS_INVALID`), and a throw or a
 * rejection answers 502 `ERR_ROUTE_HEADERS_FAILED`. Cache what is costly to compute: it runs for every
 * request the route forwards.
 */
export type HeadersFunction = (
  request: HeadersRequest,
) => Readonly<Record<string, string | null>> | Promise<Readonly<Record<string, string | null>>>

/** Ways a certificate authority can be given: PEM text or its bytes. */
export type CertificateInput = string | Uint8Array

/**
 * Answers a request of a mocked route in code: a `Response` answers it (rewritten like an upstream's
 * answer), `undefined` leaves it to the mock folder. In `'fallback'` mode the request's body already
 * went to the backend, so the `Request` has none; in `'always'` mode it has the browser's.
 * @example (request) => new URL(request.url).pathname === '/api/me' ? Response.json({ id: 1 }) : undefined
 */
export type MockHandler = (request: Request) => Response | undefined | Promise<Response | undefined>

/**
 * When a route answers from its mock: `'fallback'` when the backend fails (unreachable, a timeout, or
 * a status in `statuses`), `'always'` instead of the backend (offline work: it is never contacted),
 * `'record'` never, but every answer of the backend is saved into the folder.
 */
export type MockMode = 'fallback' | 'always' | 'record'

/** A route's mock: recorded answers in a folder, a handler, or both (the handler first). */
export interface MockOptions {
  /**
   * The folder of recorded answers, relative to the config file's folder (or the root when there is
   * no file): `GET /api/users/42` is `<dir>/api/users/42/GET.json`. Node only (the Node engine and the
   * `node` condition of `@sameorigin/core/fetch`).
   * @example './mocks'
   */
  dir?: string
  /**
   * A function (see {@link MockHandler}), or the path of a module whose default export is one
   * (relative like `dir`, loaded like the config file, so a config reload reloads it). Asked before
   * the folder; never called in `'record'` mode.
   * @example './mocks/handler.ts'
   */
  handler?: string | MockHandler
  /**
   * When the mock answers.
   * @default 'fallback'
   */
  mode?: MockMode
  /**
   * Upstream statuses that count as the backend failing in `'fallback'` mode (answered from the mock
   * when one matches), and that `'record'` mode does not save.
   * @default [502, 503, 504]
   */
  statuses?: readonly number[]
  /**
   * Save `Set-Cookie` and other secret-bearing response headers (`Authorization`, `*-Token`, ...)
   * when recording. Off by default: a mock folder is often committed.
   * @default false
   */
  keepSecrets?: boolean
}

/** Everything a route can say about how its requests are forwarded. */
export interface RouteOptions {
  /**
   * The backend this route forwards to: an `http:` or `https:` URL, optionally with a base path.
   * `${VAR}` and `${VAR:-default}` are read from the environment and `.env` files.
   *
   * A target without a path receives the request path unchanged (`/api/users` → `http://b:8080/api/users`).
   * For a prefix route, a target with a path stands for the prefix (`'/api': 'https://staging.example.com/v1'`
   * sends `/api/users` to `https://staging.example.com/v1/users`).
   * @example 'http://127.0.0.1:8080'
   * @example '${API_TARGET:-http://127.0.0.1:8080}'
   */
  target: string
  /**
   * Rewrites the path before it is joined to the target's base path. A string is a template using the
   * route's parameters (`'/v2/:path*'`); a function receives the path and the parameters.
   * Template rewrites are reversed for redirects and cookie paths; function rewrites are not.
   * A query in either (`'/v2/:path*?legacy=1'`) is merged with the request's: the request's
   * parameters in order, the rewrite's values replacing those it names, then its other parameters.
   * @default the path unchanged (prefix routes with a target base path: the part after the prefix)
   */
  rewrite?: string | RewriteFunction
  /**
   * Only requests with one of these methods match this route (case-insensitive).
   * @default every method
   */
  methods?: readonly string[]
  /**
   * Only requests whose headers satisfy every condition match: a string must equal the header's value,
   * a RegExp must match it, `true` requires the header, `false` requires its absence.
   * @default no conditions
   * @example { accept: /json/, 'x-use-mock': false }
   */
  matchHeaders?: Readonly<Record<string, string | RegExp | boolean>>
  /**
   * Request headers to set on the upstream request (`null` removes the header), or a function that
   * computes them for each request (sync or async; see {@link HeadersFunction}).
   * @default {}
   * @example { 'x-api-key': 'dev', cookie: null }
   * @example async () => ({ authorization: `Bearer ${await getToken()}` })
   */
  headers?: Readonly<Record<string, string | null>> | HeadersFunction
  /**
   * Response headers to set on the answer to the browser (`null` removes the header).
   * @default {}
   */
  responseHeaders?: Readonly<Record<string, string | null>>
  /**
   * Proxy WebSocket upgrades on this route. The dev server's own HMR socket is never captured.
   * @default true
   */
  ws?: boolean
  /**
   * Milliseconds the upstream may stay silent (before its response headers, or between chunks of a
   * body) before the request fails with 504. Event streams are exempt once their headers arrive.
   * `0` disables it.
   * @default 120000
   */
  timeout?: number
  /**
   * Milliseconds to wait for the TCP (and TLS) connection to the upstream before failing with 504.
   * @default 10000
   */
  connectTimeout?: number
  /**
   * Send the target's host as `Host` (most backends route or check by it).
   * @default true
   */
  changeOrigin?: boolean
  /**
   * Add `X-Forwarded-For`, `-Proto`, `-Host` and `-Port`, replacing any the client sent.
   * @default true
   */
  xfwd?: boolean
  /**
   * Rewrite `Origin` and `Referer` that name the dev server to the target's origin, so backends with
   * CSRF or origin checks accept the request. Other origins pass untouched.
   * @default true
   */
  rewriteOrigin?: boolean
  /**
   * Rewrite `Set-Cookie` so the browser stores the cookie for the dev origin: `Domain` dropped, `Path`
   * mapped back through the route, and on a plain-http dev server `Secure` dropped and `SameSite=None`
   * lowered to `Lax`.
   * @default true
   */
  cookies?: boolean
  /**
   * Rewrite `Location`, `Content-Location` and `Refresh` that point at the target back to the dev origin
   * and through the reverse of the route's rewrite, so redirects stay on the dev server.
   * @default true
   */
  redirects?: boolean
  /**
   * Verify the upstream's TLS certificate. `false` accepts self-signed certificates (a warning is
   * logged once). Prefer `ca`.
   * @default true
   */
  secure?: boolean
  /**
   * Extra certificate authorities to trust for this route's HTTPS target (PEM), for self-signed or
   * internal certificates, instead of turning verification off.
   * @default the system's and Node's bundled CAs
   */
  ca?: CertificateInput | readonly CertificateInput[]
  /**
   * Answers from recordings (or a handler) instead of, or when, the backend cannot: a folder path is
   * short for `{ dir, mode: 'fallback' }`. Websockets are not mocked, and event streams are never
   * recorded or replayed.
   * @default no mock
   * @example './mocks'
   * @example { dir: './mocks', mode: 'always' }
   */
  mock?: string | MockOptions
}

/**
 * A route in array form, for RegExp paths or several paths sharing one set of options.
 * @example { path: /^\/v\d+\//, target: 'http://127.0.0.1:8080' }
 */
export interface RouteEntry extends RouteOptions {
  /** A path prefix (`/api`), a pattern (`/users/:id`, `/files/:path*`), a RegExp, or a list of them. */
  path: string | RegExp | readonly (string | RegExp)[]
}

/**
 * The routes: an object whose keys are paths (declaration order, first match wins) and whose values
 * are a target URL or route options; or an array of entries with a `path`.
 * A key starting with `^` is a regular expression (as in Vite's `server.proxy`).
 */
export type RoutesInput = Readonly<Record<string, string | RouteOptions>> | readonly RouteEntry[]

/** The configuration users write in `sameorigin.config.ts` or pass to an adapter. */
export interface UserConfig {
  /** The routes to forward. */
  routes?: RoutesInput
  /**
   * How much to log. `debug` logs one line per proxied request.
   * @default 'info'
   */
  logLevel?: LogLevel
  /**
   * The inspector (`/__sameorigin/` on the dev server: every exchange, the proxy's changes
   * explained, HAR and curl export) and the terminal's report of the page's blocked cross-origin
   * calls. Dev servers only (dev and preview; never `next start` or a production build). `false`
   * turns both off; an object sizes the inspector's memory.
   * @default { capacity: 500, bodyLimit: 65536 }
   * @example inspector: false
   * @example inspector: { capacity: 2000 }
   */
  inspector?: boolean | InspectorOptions
}

/** How much the inspector keeps in memory (`UserConfig.inspector`). */
export interface InspectorOptions {
  /**
   * Exchanges kept; the oldest goes first. From 1 to 10000 (a record without its bodies is about
   * 11 KiB: 10000 is about 110 MiB; bodies are held to 16 MiB in all, whatever the count).
   * @default 500
   */
  capacity?: number
  /**
   * Bytes of each request and response body kept (the size is always counted). From 0 (no bodies)
   * to 1048576.
   * @default 65536
   */
  bodyLimit?: number
}

/** `UserConfig.inspector` with its defaults applied, or `false`: off. */
export type ResolvedInspector = Readonly<Required<InspectorOptions>> | false

/** A route's target, parsed once. */
export interface ResolvedTarget {
  /** The full URL as resolved (environment variables substituted). */
  readonly href: string
  /** `http:` or `https:`. */
  readonly protocol: 'http:' | 'https:'
  /** `scheme://host[:port]`, as browsers write origins. */
  readonly origin: string
  /** Host name without brackets for IPv6 (`::1`), as `net.connect` takes it. */
  readonly hostname: string
  /** The port, always filled in (`80` / `443` when the URL had none). */
  readonly port: number
  /** `hostname[:port]` as it goes into a `Host` header (port omitted when default). */
  readonly host: string
  /** The base path without a trailing slash: `''` for `http://b:8080/`, `'/v1'` for `https://s/v1/`. */
  readonly basePath: string
}

/** The shape of a route's path matcher. */
export type RouteKind = 'prefix' | 'pattern' | 'regexp'

/** A route with every default applied and its matcher and rewrite compiled. Never mutated. */
export interface ResolvedRoute {
  /** Position in declaration order (0-based). */
  readonly index: number
  /** How the route is shown in logs and errors: its key as written, e.g. `/api` or `^/v\d`. */
  readonly id: string
  /** The config path of this route, e.g. `routes['/api']` or `routes[2]`. */
  readonly configPath: string
  readonly kind: RouteKind
  /** The source as declared, for display and for translation into other tools' syntax. */
  readonly source: string | RegExp
  readonly target: ResolvedTarget
  /** Upper-case method names, or `undefined` for every method. */
  readonly methods: ReadonlySet<string> | undefined
  /** Header conditions with lower-case names, or `undefined`. */
  readonly matchHeaders: Readonly<Record<string, string | RegExp | boolean>> | undefined
  /** Lower-case header names to set (string) or remove (`null`) upstream; `{}` with a function. */
  readonly headers: Readonly<Record<string, string | null>>
  /** `headers` when it was a function: called per request, after the static rules. */
  readonly headersFunction: HeadersFunction | undefined
  /** Lower-case header names to set or remove on the response. */
  readonly responseHeaders: Readonly<Record<string, string | null>>
  /** The template when `rewrite` was a string (kept for translation to other tools). */
  readonly rewriteTemplate: string | undefined
  /** `true` when `rewrite` was a function (its effect cannot be reversed or translated). */
  readonly rewriteIsFunction: boolean
  readonly ws: boolean
  readonly timeout: number
  readonly connectTimeout: number
  readonly changeOrigin: boolean
  readonly xfwd: boolean
  readonly rewriteOrigin: boolean
  readonly cookies: boolean
  readonly redirects: boolean
  readonly secure: boolean
  readonly ca: readonly CertificateInput[] | undefined
  /** The route's mock, or `undefined` (the transports check only this field on every request). */
  readonly mock: ResolvedMock | undefined
  /** Matches a normalised path; returns the captured parameters, or `undefined`. */
  readonly matchPath: (path: string) => RouteParams | undefined
  /**
   * Maps a normalised request path (already matched) to the upstream path, base path included and
   * dot-segments removed, followed by the rewrite's own query (`?legacy=1`) when it wrote one (see
   * `Match.upstreamSearch`). Throws `ERR_REQUEST_PATH_UNSAFE` if the path would leave the base path.
   */
  readonly toUpstreamPath: (path: string, context: RewriteContext) => string
  /**
   * Maps an upstream path (base path included) back to the dev-server path that would produce it,
   * or `undefined` when the route cannot (outside the base path, or a function rewrite).
   */
  readonly toDevPath: (upstreamPath: string) => string | undefined
}

/** A route's `mock` with its defaults applied and its paths made absolute. */
export interface ResolvedMock {
  /**
   * The folder of recorded answers: `dir` joined to the config file's folder (or the root); relative
   * only when neither was known (the Node side then reads it from the working directory).
   */
  readonly dir: string | undefined
  /** The handler when it was given as a function. */
  readonly handler: MockHandler | undefined
  /** The handler's module when it was given as a path, joined like `dir`; loaded at first use. */
  readonly handlerModule: string | undefined
  readonly mode: MockMode
  readonly statuses: ReadonlySet<number>
  readonly keepSecrets: boolean
}

/** The configuration with every default applied, shorthands expanded and matchers compiled. Frozen. */
export interface ResolvedConfig {
  readonly routes: readonly ResolvedRoute[]
  readonly logLevel: LogLevel
  readonly inspector: ResolvedInspector
  /** Problems that do not stop the proxy (shadowed routes, unknown top-level keys). Logged at startup. */
  readonly warnings: readonly ConfigIssue[]
  /** The config file the routes came from, if any. */
  readonly configFile: string | undefined
}

/** What a request looks like to the matcher: plain values, no sockets. */
export interface RequestInfo {
  /** The method, any case. */
  readonly method: string
  /** The request target as received: origin-form (`/api/x?y=1`); absolute-form is reduced to its path. */
  readonly url: string
  /** Request headers with lower-case names (as Node's `IncomingMessage.headers`). */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
}

/** The result of matching a request: which route, and where it goes. */
export interface Match {
  readonly route: ResolvedRoute
  readonly params: RouteParams
  /** The normalised request path that was matched. */
  readonly path: string
  /** The request's query string including `?`, or `''`. */
  readonly search: string
  /** Base path + rewritten path. */
  readonly upstreamPath: string
  /**
   * The query sent upstream: `search` unchanged, or, when the rewrite wrote a query
   * (`'/v1/:path*?legacy=1'`), the request's parameters with the rewrite's values for the names it
   * sets, then the rewrite's other parameters.
   */
  readonly upstreamSearch: string
  /** The full upstream URL: target origin + upstream path + upstream search. */
  readonly upstreamUrl: string
}

/** One problem found in a configuration. */
export interface ConfigIssue {
  readonly code: ErrorCode
  readonly severity: 'error' | 'warning'
  /** Where the problem is, as it would be written in the config: `routes['/api'].target`. */
  readonly path: string
  /** What is wrong, in one sentence. */
  readonly message: string
  /** An example of a correct value, or what to use instead. */
  readonly fix?: string
}
