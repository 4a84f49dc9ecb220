// The public API of @sameorigin/storybook, listed by name. The addon itself is its preset
// (`addons: ['@sameorigin/storybook']` loads `@sameorigin/storybook/preset`); this entry is what
// sameorigin.config.ts imports, so this package is the only one a project installs (with pnpm,
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
export type { SameOriginStorybookOptions } from './storybook-host.ts'
