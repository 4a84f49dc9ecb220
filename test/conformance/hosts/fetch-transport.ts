import { loadHostConfig, watchConfig } from '@sameorigin/core'
import type { SameOriginOptions } from '@sameorigin/core'
import { createFetchProxy } from '@sameorigin/core/fetch'
import { serveFetch } from '@sameorigin/test-utils'
import { staticMiddleware } from 'srvx/static'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host } from '../src/types.ts'
import { defineHost } from '../src/types.ts'

/** What the host answers when neither the proxy nor a fixture file does. */
const notFound = (): Response => new Response('Not Found\n', { status: 404 })

const WEBSOCKETS =
  'a Fetch host hands the proxy a Web Request and takes a Response: it cannot take over a socket'

/**
 * The core's Fetch transport (`createFetchProxy` from `@sameorigin/core/fetch`, its `node` condition:
 * the node:http upstream client with keep-alive agents), served on a real Node server by srvx (the
 * server layer of h3 and Nitro) as SvelteKit hooks, Nitro, Astro middleware and React Router mount
 * it. A request the proxy leaves (`undefined`) is served from the fixture by srvx's static
 * middleware, else 404. With `http2`, srvx's secure server: TLS, HTTP/2 and HTTP/1.1.
 */
export const fetchTransport: Host = defineHost({
  name: 'fetch-transport',
  capabilities: {
    ssr: 'a stand-alone proxy: it renders no pages, so no server code fetches through it',
    ws: WEBSOCKETS,
    hmr: 'a plain Fetch server has no HMR websocket to coexist with',
    wsOriginRewrite: WEBSOCKETS,
    wsErrors: WEBSOCKETS,
    connectRefusal:
      'a Fetch handler never sees CONNECT (a Web Request cannot carry it): the server it runs in answers, and srvx has no `connect` listener, so Node drops the socket (no tunnel, no backend reached)',
    undeclaredBodyRefusals:
      'a Web Request for GET or HEAD has no body (srvx gives it none, as the Fetch standard says): over HTTP/2, where DATA frames alone carry it, the proxy cannot see it and forwards the request without it (a body announced by Content-Length is refused with 400)',
  },
  async start(fixtureDir, config, options) {
    const logs = captureLogs()
    // The loading path the adapters take, with the scenario's config as the only source.
    const adapterOptions: SameOriginOptions = { configFile: false, ...config }
    const resolved = await loadHostConfig(adapterOptions, { root: fixtureDir })
    // The inspector on, as a dev server runs it.
    const proxy = createFetchProxy(resolved, { logger: logs, inspector: true })
    // Live reload as a custom server wires it (packages/core/README.md): the proxy's `update` fed by
    // `watchConfig`.
    const watcher = watchConfig(adapterOptions, {
      root: fixtureDir,
      current: resolved,
      logger: logs,
      apply: (next) => proxy.update(next),
    })
    await watcher.ready
    const serveStatic = staticMiddleware({ dir: fixtureDir })
    let server
    try {
      server = await serveFetch(
        async (request) =>
          (await proxy(request, { clientAddress: request.ip })) ?? serveStatic(request, notFound),
        { http2: options.http2 },
      )
    } catch (error) {
      await watcher.close()
      await proxy.close()
      throw error
    }
    const started = server
    return {
      url: started.url,
      port: started.port,
      root: fixtureDir,
      logs,
      close: async () => {
        await watcher.close()
        await proxy.close()
        await started.close()
      },
    }
  },
})
