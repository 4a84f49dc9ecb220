// The public API of @sameorigin/nuxt, listed by name. The default export is the Nuxt module
// (`modules: ['@sameorigin/nuxt']`); its options go under `sameorigin` in nuxt.config.
import type { ModuleOptions } from './module.ts'

// oxlint-disable-next-line import/no-default-export -- Nuxt loads a module by its package's default export
export { sameoriginModule as default, sameoriginModule } from './module.ts'
export type { ModuleOptions } from './module.ts'

// What sameorigin.config.ts imports, so this package is the only one a project installs.
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

declare module 'nuxt/schema' {
  interface NuxtConfig {
    /** sameorigin's options (`@sameorigin/nuxt`), merged over `sameorigin.config.*`. */
    sameorigin?: ModuleOptions
  }
  interface NuxtOptions {
    sameorigin?: ModuleOptions
  }
}
