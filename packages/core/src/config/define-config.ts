import type { RouteEntry, RouteOptions, UserConfig } from '../types.ts'

/**
 * Gives `sameorigin.config.ts` type checking and completion. Returns its argument unchanged.
 * @example
 * export default defineConfig({
 *   routes: { '/api': '${API_TARGET:-http://127.0.0.1:8080}' },
 * })
 */
export function defineConfig<const T extends UserConfig>(config: T): T {
  return config
}

/** Types one route (options or an array entry) where it is written apart from the config. */
export function defineRoute<const T extends RouteOptions | RouteEntry>(route: T): T {
  return route
}
