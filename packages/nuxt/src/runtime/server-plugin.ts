import type { ServerProxy } from '@sameorigin/core'
import { createServerProxy } from '@sameorigin/core'
import type { App, H3Event } from 'h3'
import { defineEventHandler } from 'h3'
import { sendNodeResponse } from 'srvx/node'
import runtimeOptions from '#sameorigin/options'
import { toProxyRequest } from './to-proxy-request.ts'

/** What the plugin uses of Nitro's app (`NitroApp` from nitropack, structurally). */
interface NitroAppLike {
  readonly h3App: App
  readonly hooks: { hook: (name: 'close', fn: () => Promise<void> | void) => unknown }
}

/**
 * Serves the routes for one request, or leaves it (`undefined`) to the rest of the app. An answer goes
 * straight to the client's socket (streamed, with backpressure: an event stream event by event); for
 * Nitro's in-process `fetch` (`$fetch`, `useFetch` during SSR), which has no socket, the `Response`
 * is returned to h3.
 */
async function serve(proxy: ServerProxy, event: H3Event, dev: boolean): Promise<Response | undefined> {
  const { request, clientAddress } = toProxyRequest(event, dev)
  const response = await proxy.handle(request, { clientAddress })
  if (response === undefined) return undefined
  const { res } = event.node
  if (res.socket === null || res.socket === undefined) return response
  await sendNodeResponse(res, response)
  return undefined
}

/**
 * The Nitro plugin the module adds: one `createServerProxy` for this server (a Nitro worker in `nuxt
 * dev`), its handler placed first in Nitro's app, so the routes answer before Nitro's route rules and
 * handlers, whatever `app.baseURL` is, for the browser's requests and for Nitro's in-process fetch
 * during SSR alike. The routes' answers carry the page request's cookies there because Nuxt's
 * `useFetch` / `useRequestFetch` forward the page request's headers.
 */
// oxlint-disable-next-line import/no-default-export -- Nitro runs a plugin file's default export
export default function sameoriginNitroPlugin(nitroApp: NitroAppLike): void {
  const { dev } = runtimeOptions
  const proxy = createServerProxy(runtimeOptions.proxy)
  const handler = defineEventHandler((event) => serve(proxy, event, dev))
  nitroApp.h3App.stack.unshift({ route: '/', handler })
  nitroApp.hooks.hook('close', () => proxy.close())
}
