import type { IncomingMessage, ServerResponse } from 'node:http'

// Structural types for what the adapter reads from webpack-dev-server 5 and 6 and @rspack/dev-server 2.
// Their own types differ between majors (and the peers are optional), so these are deliberately loose:
// whatever a dev server's own types say must fit them, and values are narrowed where they are read.

/** A connect-style handler, as the dev servers mount them. */
export type MiddlewareHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/** One entry of the array `setupMiddlewares` receives: a bare handler or `{ name, path?, middleware }`. */
export type Middleware =
  | ((...args: never[]) => unknown)
  | { name?: string; path?: string; middleware: (...args: never[]) => unknown }

/** webpack's and Rspack's `EntryPlugin` (`compiler.webpack.EntryPlugin`): `name: undefined` adds to every entry. */
export type EntryPluginLike = new (
  context: string,
  entry: string,
  options: { name: undefined },
) => { apply: (compiler: never) => void }

/** The part of a webpack or Rspack compiler the adapter reads (a multi-compiler has `compilers`). */
export interface CompilerLike {
  readonly context?: string
  readonly options: { mode?: string; devServer?: unknown; plugins?: readonly unknown[] }
  readonly compilers?: readonly CompilerLike[]
  getInfrastructureLogger?: (name: string) => Pick<Console, 'info' | 'warn' | 'error'>
  /** The bundler's own exports (webpack's, or Rspack's, which has them under `rspack` too). */
  readonly webpack?: { EntryPlugin?: EntryPluginLike }
  readonly hooks?: {
    readonly beforeCompile?: { tapPromise: (name: string, fn: () => Promise<void>) => void }
  }
}

/**
 * The dev server instance handed to `setupMiddlewares` and `onListening`: its http(s) `server`
 * (created before `setupMiddlewares` runs), its `compiler`, and its normalised `options`.
 */
export interface DevServerLike {
  readonly server?: unknown
  readonly compiler?: unknown
  readonly options?: unknown
}

/** The `devServer` options the adapter reads or composes. */
export interface DevServerConfig {
  setupMiddlewares?: (middlewares: Middleware[], devServer: DevServerLike) => Middleware[]
  onListening?: (devServer: DevServerLike) => void
  allowedHosts?: unknown
  host?: unknown
  webSocketServer?: unknown
  client?: unknown
  proxy?: unknown
}
