// The public API of @sameorigin/sveltekit, listed by name. The Vite plugin is @sameorigin/vite's: it
// forwards the browser's requests (websockets and HTTP/2 included) in `vite dev` and `vite preview`.
// The handle hook is `@sameorigin/sveltekit/hooks`; `serverFetch` is `@sameorigin/sveltekit/server`.
export { sameorigin, sameorigin as default } from '@sameorigin/vite'
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
