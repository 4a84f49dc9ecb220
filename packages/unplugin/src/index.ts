// The public API of unplugin-sameorigin, listed by name. The default export is the unplugin instance,
// as the unplugin conventions have it; each bundler's plugin is also its own subpath
// (`unplugin-sameorigin/vite`).
export { unpluginFactory } from './factory.ts'
export { sameoriginUnplugin, sameoriginUnplugin as default } from './unplugin.ts'
export type { Options } from './types.ts'

// What sameorigin.config.ts imports, so this package is the only one a project installs (with pnpm,
// @sameorigin/core is not hoisted where the config file could import it). The Vite adapter, a
// dependency already, re-exports them from the core.
export { defineConfig, defineRoute } from '@sameorigin/vite'
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
} from '@sameorigin/vite'
