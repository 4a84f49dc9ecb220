import type { UserConfig } from '@sameorigin/core'

/** The secret the `/api` route adds upstream: what an attacker would want the proxy to hand out. */
export const ROUTE_SECRET = 'dev-secret'

/**
 * The routes every hostile table runs against, for an upstream at `api` (`http://127.0.0.1:<port>`):
 * - `/api`: a prefix-stripping function rewrite, pasted from Vite's `server.proxy` habit
 *   (`/api/users` → `/users`), adding a credential header the browser never sees;
 * - `/v1`: a target with a base path (`/v1/users` → `/base/users`), which no request may leave.
 */
export function hostileRoutes(api: string): UserConfig {
  return {
    routes: {
      '/api': {
        target: api,
        rewrite: (path) => path.replace(/^\/api/, ''),
        headers: { 'x-api-key': ROUTE_SECRET },
      },
      '/v1': `${api}/base`,
    },
  }
}

/**
 * {@link hostileRoutes}, then `/plain` (a route with `ws: false`: its handshakes are the host's) and
 * a catch-all `/` with WebSockets: every path is routed, so only the host's own sockets (Storybook's
 * channel, Vite's HMR) show whether the engine leaves what is the host's to the host.
 */
export function catchAllRoutes(api: string): UserConfig {
  return {
    routes: {
      ...hostileRoutes(api).routes,
      '/plain': { target: api, ws: false },
      '/': { target: api, ws: true },
    },
  }
}
