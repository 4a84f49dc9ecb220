import { toResolvedConfig } from '../config/to-resolved-config.ts'
import { createLogger } from '../logging/logger.ts'
import type { Logger, ResolvedConfig, UserConfig } from '../types.ts'
import type { CorsOptions } from './resolve-cors.ts'
import { resolveCors } from './resolve-cors.ts'
import type { Pipeline } from './types.ts'

/** What every transport's options share: how the pipeline decides and where it logs. */
export interface PipelineOptions {
  /**
   * Where log lines go: the host's logger (Vite's `config.logger`), pino, winston or `console`.
   * Lines below the config's `logLevel` are dropped.
   * @default console
   */
  logger?: Logger
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
   * CORS mode, for pages that cannot be same-origin with the proxy (Storybook, a mobile simulator, an
   * app on another port): the listed origins may call it cross-origin. Preflights are answered by the
   * proxy, answers get the CORS headers (the exact origin and `Vary: Origin`, never `*` with
   * credentials) in place of the backend's, and a request or WebSocket from any other origin gets 403
   * and reaches no backend. Without it (the default) the proxy adds no CORS headers: the page and the
   * proxy share an origin.
   * @default undefined
   * @example createProxy(config, { cors: { origins: ['http://localhost:6006'], credentials: true } })
   */
  cors?: CorsOptions
  /**
   * Upgrade paths the host serves itself (its HMR WebSocket, e.g. `/` for Vite or `/ws` for
   * webpack-dev-server), compared with the request path without its query. Never captured, even by a
   * catch-all route.
   * @default []
   */
  hmrPaths?: readonly string[]
  /**
   * Serve the inspector under `/__sameorigin/` (its page, its API and the report of the page's
   * blocked calls) and record every exchange for it, unless the config says `inspector: false`. For
   * dev servers only: every adapter turns it on in dev and preview; a production server leaves it
   * off. It answers only hosts the host check allows, like the routes.
   * @default false
   */
  inspector?: boolean
  /**
   * Proxies of one process given the same key share one inspector (one log, one page): a dev
   * server's plugin and a framework's server code (`createServerProxy`) pass the project's root, so
   * the page shows server-side fetches beside the browser's requests.
   * @default undefined: the proxy's own inspector
   */
  shareInspector?: string
}

/** What a transport adds that only it can: the error pages it can read. */
export interface PipelineHooks {
  /** An error code's explanation page (`findErrorPage`, which reads files), for the HTML error page. */
  readonly explain?: (code: string) => string | undefined
}

/**
 * Validates the config and options (a bad one throws before any socket exists: `ERR_CONFIG_INVALID`
 * with every problem, or `ERR_CONFIG_VALUE_INVALID` for `cors`) into the state every request of one
 * proxy is decided with. `caller` names the public function in the error for a value that is no config.
 */
export function createPipeline(
  config: UserConfig | ResolvedConfig,
  options: PipelineOptions,
  caller: string,
  hooks: PipelineHooks = {},
): Pipeline {
  const resolved = toResolvedConfig(config, caller)
  const { allowedHosts } = options
  return {
    config: resolved,
    log: createLogger(resolved.logLevel, { logger: options.logger ?? globalThis.console }),
    // Frozen, so no caller's later change to its array reaches the check.
    allowedHosts: allowedHosts === true ? true : Object.freeze([...(allowedHosts ?? [])]),
    cors: options.cors === undefined ? undefined : resolveCors(options.cors),
    hmrPaths: new Set(options.hmrPaths ?? []),
    inspector: options.inspector === true && resolved.inspector !== false ? resolved.inspector : undefined,
    explain: hooks.explain,
    warnedInsecure: new Set(),
  }
}
