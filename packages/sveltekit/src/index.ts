// The public API of @sameorigin/sveltekit, listed by name. The Vite plugin is @sameorigin/vite's (the
// browser's requests, websockets and HTTP/2 in `vite dev` and `vite preview`) and a mark for the hook
// in `vite preview`. The handle hook is `@sameorigin/sveltekit/hooks`; `serverFetch` is
// `@sameorigin/sveltekit/server`.
export { sameorigin } from './plugin.ts'
export type { SameoriginOptions } from '@sameorigin/vite'

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
