// `@sameorigin/core/config`: what a config file and a config-resolving host need, with no node:
// module at runtime (a Next config, a route handler, a Worker): the identity helpers, the defaults
// and resolveConfig. Loading a config file from disk (`loadConfig`) is in the main entry.
export { defineConfig, defineRoute } from './define-config.ts'
export { interpolateEnv } from './interpolate-env.ts'
export type { InterpolatedValue } from './interpolate-env.ts'
export { resolveConfig } from './resolve-config.ts'
export type { ResolveConfigOptions } from './resolve-config.ts'
export { DEFAULTS } from '../rules/defaults.ts'
export type { ConfigEnv, UserConfigExport } from './load-config.ts'
export type {
  ConfigIssue,
  InspectorOptions,
  MockHandler,
  MockMode,
  MockOptions,
  ResolvedConfig,
  ResolvedRoute,
  RouteEntry,
  RouteOptions,
  RoutesInput,
  UserConfig,
} from '../types.ts'
