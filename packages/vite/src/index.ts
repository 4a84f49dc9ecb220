// The public API of @sameorigin/vite, listed by name. The default export is the same function:
// Vite plugins are default-imported by convention (`import sameorigin from '@sameorigin/vite'`), and
// adapter entry files are where STYLE allows a default export.
export { sameorigin, sameorigin as default } from './plugin.ts'
// The options are the ones every adapter takes; `SameoriginOptions` is this package's name for them.
export type { SameOriginOptions as SameoriginOptions } from '@sameorigin/core'

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
