import type { ResolvedConfig } from '@sameorigin/core'
import { toJsLiteral } from './to-js-literal.ts'
import { toWorkerRoutes } from './to-worker-routes.ts'

/**
 * `worker.mjs` without its header comment: the engine's Fetch transport (`createFetchProxy`, which
 * wrangler bundles from `@sameorigin/core/fetch`: its `default` condition, the runtime's fetch) with
 * the routes written in as data and the Host check set to the public origin's host. A request no
 * route takes goes to the app's files (`env.ASSETS`) when there are some, else 404.
 */
export function renderWorker(config: ResolvedConfig, origin: URL, assets: boolean): string {
  const routes = toJsLiteral(toWorkerRoutes(config))
  const fallback = assets
    ? '    return env.ASSETS.fetch(request)'
    : "    return new Response('Not Found\\n', { status: 404 })"
  return `import { createFetchProxy } from '@sameorigin/core/fetch'

/** The routes, as resolved in the export's mode (targets included). */
const config = {
  logLevel: ${JSON.stringify(config.logLevel)},
  routes: ${routes.replace(/\n/g, '\n  ')},
}

/** Created at the first request: a Worker's global scope may not start timers. */
let proxy

export default {
  async fetch(request, env) {
    proxy ??= createFetchProxy(config, { allowedHosts: [${JSON.stringify(origin.hostname)}] })
    // Cloudflare sets CF-Connecting-IP to the client's address (a client's own value is replaced).
    const clientAddress = request.headers.get('cf-connecting-ip') ?? undefined
    const response = await proxy(request, { clientAddress })
    if (response !== undefined) return response
${fallback}
  },
}
`
}
