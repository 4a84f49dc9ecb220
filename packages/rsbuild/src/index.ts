// The public API of @sameorigin/rsbuild, listed by name. Rsbuild plugins are named imports by
// convention (`import { pluginReact } from '@rsbuild/plugin-react'`), so there is no default export.
export { PLUGIN_SAMEORIGIN_NAME, pluginSameOrigin } from './plugin.ts'
export type { SameOriginOptions } from '@sameorigin/core'

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
