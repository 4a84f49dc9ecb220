import type { ResolvedConfig } from '@sameorigin/core'
import { matchRequest } from '@sameorigin/core/rules'
import type { ConfigLoader, RouteConfigOptions } from './load-route-config.ts'
import { createConfigLoader } from './load-route-config.ts'

/** A `fetch` that understands the dev server's own paths. */
export type ServerFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/**
 * A `fetch` for Server Components, route handlers and server actions: a path the routes match
 * (`/api/me`, relative, as the browser would write it) goes straight to its upstream URL, with the
 * route's `headers` applied; anything else is passed to `fetch` as is. Server code has no dev origin
 * to call, so without this a relative `/api/...` URL fails, and an absolute one to the dev server
 * makes Next call itself.
 * @example
 * const serverFetch = createServerFetch()
 * const me = await serverFetch('/api/me', { headers: { cookie: (await cookies()).toString() } })
 */
export function createServerFetch(options: RouteConfigOptions = {}): ServerFetch {
  return createServerFetchFrom(createConfigLoader(options))
}

/** {@link createServerFetch} over a config loader that may be shared. */
export function createServerFetchFrom(loadConfig: ConfigLoader): ServerFetch {
  return async function sameoriginServerFetch(input, init) {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.startsWith('/') || url.startsWith('//')) return fetch(input, init)
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
    const headers = new Headers(input instanceof Request ? input.headers : undefined)
    for (const [name, value] of new Headers(init?.headers)) headers.set(name, value)
    const match = matchRequest(await loadConfig(), { method, url, headers: Object.fromEntries(headers) })
    if (match === undefined) throw new TypeError(`serverFetch: no sameorigin route matches ${url}`)
    applyRouteHeaders(headers, match.route.headers)
    const request = input instanceof Request ? new Request(match.upstreamUrl, input) : undefined
    return fetch(request ?? match.upstreamUrl, { ...init, method, headers })
  }
}

function applyRouteHeaders(headers: Headers, overrides: ResolvedConfig['routes'][number]['headers']): void {
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) headers.delete(name)
    else headers.set(name, value)
  }
}
