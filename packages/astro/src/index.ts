// The public API of @sameorigin/astro, listed by name. The default export is the same function:
// Astro integrations are default-imported by convention (`import sameorigin from '@sameorigin/astro'`),
// and adapter entry files are where STYLE allows a default export.
// oxlint-disable-next-line import/no-default-export -- Astro integrations are default-imported
export { sameorigin, sameorigin as default } from './integration.ts'
export type { SameoriginAstroOptions } from './integration.ts'

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
  ServerFetch,
  ServerFetchInit,
  UserConfig,
  UserConfigExport,
} from '@sameorigin/core'
