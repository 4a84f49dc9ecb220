// The public API of @sameorigin/angular, listed by name. The builder itself is `builders.json`'s
// `dev-server` (dist/builder.mjs); this entry is for code that runs it (`executeDevServer`) and for
// sameorigin.config.ts.
export { executeDevServer } from './execute-dev-server.ts'
export type { DevServerExtensions } from './execute-dev-server.ts'
export type { SameOriginDevServerOptions } from './options.ts'

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
