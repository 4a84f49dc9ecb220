// The app as a Fetch handler: `createApp(config, { page })` returns `{ fetch, close }`, the module
// shape Workers, Bun, Deno and srvx serve (`export default createApp(...)`). A request a route takes
// goes through sameorigin's Fetch transport; `/` is the page; anything else is 404. This file imports
// no `node:` module and reads no file: the caller resolves the config (`loadConfig` on Node, routes
// written inline in a Worker) and hands over the page, so it runs wherever `fetch` handlers do.
import { createFetchProxy } from '@sameorigin/core/fetch'

/**
 * @param {Parameters<typeof createFetchProxy>[0]} config what `loadConfig` resolved, or `{ routes }`
 * @param {{ page?: string | Uint8Array }} [options] `page`: the HTML served at `/`
 */
export function createApp(config, { page = '' } = {}) {
  // On Node (the `node` export condition) upstreams are reached with node:http and keep-alive agents;
  // in a Worker, Deno or Bun with the runtime's fetch. The call is the same. Failures are logged to
  // the console (the `logger` option takes another).
  const proxy = createFetchProxy(config)
  return {
    /** @param {Request & { ip?: string }} request */
    async fetch(request) {
      // `request.ip` is srvx's (the browser's address), so X-Forwarded-For names the browser; in a
      // host without it, no X-Forwarded-For entry is added for the client.
      const proxied = await proxy(request, { clientAddress: request.ip })
      if (proxied !== undefined) return proxied
      // No route took it (`undefined`): the app's own answer.
      const path = URL.canParse(request.url) ? new URL(request.url).pathname : undefined
      if (path === '/') return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } })
      return new Response('Not found', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
    },
    /** Closes the proxy's upstream connections (the host's server is the caller's to stop). */
    close: () => proxy.close(),
  }
}
