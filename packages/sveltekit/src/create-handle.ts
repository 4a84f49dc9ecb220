import process from 'node:process'
import type { ServerProxy, ServerProxyOptions } from '@sameorigin/core'
import { createServerProxy } from '@sameorigin/core'
import type { RequestEvent } from '@sveltejs/kit'
import type { Handle } from '@sveltejs/kit/hooks'
import { addReportClient } from './add-report-client.ts'
import { isVitePreview } from './preview-marker.ts'

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
 * to `resolve(event)`. On in `vite dev` and in `vite preview` (with the Vite plugin installed); off in
 * the built app's own server (`NODE_ENV=production`, `node build`) unless `production: true` (the
 * config is then not even loaded). The proxy is made on the first request.
 * @example
 * // src/hooks.server.js
 * export const handle = createHandle({ production: true })
 */
export function createHandle(options: SameOriginHandleOptions = {}): Handle {
  let proxy: ServerProxy | undefined
  // Pages rendered by `vite dev` carry the report client, unless the inspector is turned off here.
  const mode = options.mode ?? (process.env.NODE_ENV === 'production' ? 'production' : 'development')
  const pages = mode === 'development' && options.inspector !== false
  return async function handleSameOrigin({ event, resolve }) {
    // In `vite preview` (NODE_ENV=production there) as in `vite dev`, with the inspector of a dev
    // tool, unless the options say otherwise.
    const preview = isVitePreview() ? { production: true, serveInspector: true } : {}
    proxy ??= createServerProxy({ root: process.cwd(), ...preview, ...options })
    const response = await proxy.handle(event.request, { clientAddress: toClientAddress(event) })
    if (response !== undefined) return response
    return pages ? resolve(event, { transformPageChunk: addReportClient }) : resolve(event)
  }
}

/** {@link createHandle} with the defaults: the nearest `sameorigin.config.*` from `process.cwd()`. */
export const handleSameOrigin: Handle = createHandle()
