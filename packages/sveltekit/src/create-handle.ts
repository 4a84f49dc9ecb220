import process from 'node:process'
import type { ServerProxy, ServerProxyOptions } from '@sameorigin/core'
import { createServerProxy } from '@sameorigin/core'
import type { Handle, RequestEvent } from '@sveltejs/kit'

/**
 * Options of {@link createHandle}: the core's `ServerProxyOptions` (a config inline or the
 * `sameorigin.config.*` found from `root`, `production`, `inspector`, ...).
 */
export type SameOriginHandleOptions = ServerProxyOptions

/** `event.getClientAddress()`, or `undefined` where SvelteKit cannot tell (it throws there). */
function toClientAddress(event: RequestEvent): string | undefined {
  try {
    return event.getClientAddress()
  } catch {
    return undefined
  }
}

/**
 * A SvelteKit `Handle` that answers the sameorigin routes for every request reaching SvelteKit: the
 * browser's when the Vite plugin is not installed, and SvelteKit's server-side `event.fetch('/api/...')`
 * in load functions, which re-enters `handle` with the page request's cookies. Anything else goes on
 * to `resolve(event)`. Off in a built app (`NODE_ENV=production`) unless `production: true` (the
 * config is then not even loaded). The proxy is made on the first request.
 * @example
 * // src/hooks.server.js
 * export const handle = createHandle({ production: true })
 */
export function createHandle(options: SameOriginHandleOptions = {}): Handle {
  let proxy: ServerProxy | undefined
  return async function handleSameOrigin({ event, resolve }) {
    proxy ??= createServerProxy({ root: process.cwd(), ...options })
    const response = await proxy.handle(event.request, { clientAddress: toClientAddress(event) })
    return response ?? resolve(event)
  }
}

/** {@link createHandle} with the defaults: the nearest `sameorigin.config.*` from `process.cwd()`. */
export const handleSameOrigin: Handle = createHandle()
