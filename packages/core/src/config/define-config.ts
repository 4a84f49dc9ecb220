import type { RouteEntry, RouteOptions, UserConfig } from '../types.ts'
import type { ConfigEnv } from './load-config.ts'

/**
 * Gives `sameorigin.config.ts` type checking and completion (a misspelled option is a compile error).
 * Returns its argument unchanged.
 * A function receives the mode (`development`, `production`, ...) and the command.
 * @example
 * export default defineConfig({
 *   routes: { '/api': '${API_TARGET:-http://127.0.0.1:8080}' },
 * })
 * @example
 * export default defineConfig(({ mode }) => ({
 *   routes: { '/api': mode === 'test' ? 'http://127.0.0.1:9000' : 'https://staging.example.com' },
 * }))
 */
export function defineConfig(config: UserConfig): UserConfig
export function defineConfig(
  config: (env: ConfigEnv) => UserConfig | Promise<UserConfig>,
): (env: ConfigEnv) => UserConfig | Promise<UserConfig>
export function defineConfig(config: unknown): unknown {
  return config
}

/** Types one route (options, or an array entry with `path`) written apart from the config. */
export function defineRoute(route: RouteEntry): RouteEntry
export function defineRoute(route: RouteOptions): RouteOptions
export function defineRoute(route: RouteOptions | RouteEntry): RouteOptions | RouteEntry {
  return route
}
