/**
 * Routes and matches for the rewrite tests, built by the real rules core (`resolveConfig` +
 * `matchRequest`), so every test exercises the `toDevPath` a user's route really has.
 */
import { resolveConfig } from '../../src/config/index.ts'
import { matchRequest } from '../../src/rules/index.ts'
import type { DevOrigin } from '../../src/rewrite/index.ts'
import type { Match, ResolvedConfig, ResolvedRoute, RouteOptions } from '../../src/types.ts'

export const STAGING = 'https://staging.example.com'

/** Route options besides the target. */
export type RouteFixtureOptions = Omit<RouteOptions, 'target'>

/** The resolved route `path → target` (a prefix, a pattern such as `/users/:id`, or `^regexp`). */
export function createRoute(path: string, target: string, options: RouteFixtureOptions = {}): ResolvedRoute {
  const route = resolveConfig({ routes: { [path]: { target, ...options } } }, { env: {} }).routes[0]
  if (route === undefined) throw new Error(`no route resolved for ${path}`)
  return route
}

/** The match of a GET for `url` (path and query) against `route` alone. */
export function createMatch(route: ResolvedRoute, url: string): Match {
  const config: ResolvedConfig = {
    routes: [route],
    logLevel: 'info',
    inspector: false,
    warnings: [],
    configFile: undefined,
  }
  const match = matchRequest(config, { method: 'GET', url, headers: {} })
  if (match === undefined) throw new Error(`${url} does not match ${route.id}`)
  return match
}

/** The dev origin of `http(s)://host[:port]`, as `toDevOrigin` derives it from `Host`. */
export function devOrigin(origin: string): DevOrigin {
  const url = new URL(origin)
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:'
  return {
    protocol,
    host: url.host,
    hostname: url.hostname,
    port: url.port === '' ? (protocol === 'https:' ? 443 : 80) : Number(url.port),
    origin: url.origin,
  }
}

export const DEV: DevOrigin = devOrigin('http://localhost:5173')
export const DEV_HTTPS: DevOrigin = devOrigin('https://localhost:5173')
