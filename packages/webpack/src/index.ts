// The public API of @sameorigin/webpack, listed by name (CommonJS configs load it through require(esm)).
export { applySameOrigin, SameOriginPlugin } from './same-origin-plugin.ts'
export { withSameOrigin } from './with-same-origin.ts'
export type { SameOriginDevServer } from './with-same-origin.ts'
export type { SameOriginOptions } from '@sameorigin/core'
export type {
  CompilerLike,
  DevServerConfig,
  DevServerLike,
  Middleware,
  MiddlewareHandler,
} from './dev-server.ts'

// What sameorigin.config.ts imports, so this package is the only one a project installs (with pnpm,
// @sameorigin/core is not hoisted where the config file could import it).
export { defineConfig, defineRoute } from '@sameorigin/core'
export type {
  ConfigEnv,
  LogLevel,
  RewriteContext,
  RewriteFunction,
  RouteEntry,
  RouteOptions,
  RouteParams,
  RoutesInput,
  UserConfig,
  UserConfigExport,
} from '@sameorigin/core'
