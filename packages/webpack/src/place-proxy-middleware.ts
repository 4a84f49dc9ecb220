import type { Middleware } from './dev-server.ts'

/**
 * The dev servers' guards, the first entries of their middleware list (webpack-dev-server 5 and 6,
 * @rspack/dev-server 2): the `Host` check behind `allowedHosts` (DNS rebinding) and the check that
 * refuses cross-site `no-cors` loads (a page on another site including `<script src=/api/...>`).
 * Proxied requests pass them as every other request does; neither buffers nor compresses.
 */
const GUARDS: ReadonlySet<string> = new Set(['host-header-check', 'cross-origin-header-check'])

function nameOf(middleware: unknown): string | undefined {
  if (typeof middleware !== 'object' || middleware === null) return undefined
  const { name } = middleware as Exclude<Middleware, (...args: never[]) => unknown>
  return typeof name === 'string' ? name : undefined
}

/**
 * A new middleware list with the proxy right after the dev server's guards and before everything
 * else: before `compression` (on by default, it would compress and buffer event streams), the
 * dev middleware, static files, `devServer.proxy` and the history fallback.
 *
 * `host-header-check` → `cross-origin-header-check` → **proxy** → `compression` → …
 *
 * With no guard in the list (a `setupMiddlewares` earlier in the chain removed them) the proxy goes first.
 */
export function placeProxyMiddleware<M>(middlewares: readonly M[], proxy: M): M[] {
  let at = 0
  middlewares.forEach((middleware, index) => {
    const name = nameOf(middleware)
    if (name !== undefined && GUARDS.has(name)) at = index + 1
  })
  return [...middlewares.slice(0, at), proxy, ...middlewares.slice(at)]
}
