import type { ResolvedConfig, UserConfig } from '../types.ts'
import { createFetchHandler } from './create-fetch-handler.ts'
import { createRuntimeClient } from './create-runtime-client.ts'
import type { FetchProxy, FetchProxyOptions } from './types.ts'

/**
 * The proxy as a Fetch API handler, for hosts that speak Web `Request`/`Response` (Next route
 * handlers, SvelteKit hooks, Workers): the same routes, rewriting, refusals and error answers as the
 * Node engine. Resolves `undefined` for a request that is not the proxy's (the host goes on).
 * This entry (`default` condition) reaches upstreams with the runtime's `fetch`
 * (`createRuntimeClient`); on Node, the `node` condition uses the Node client.
 * @example
 * const proxy = createFetchProxy({ routes: { '/api': 'http://127.0.0.1:8080' } })
 * export default { fetch: async (request) => (await proxy(request)) ?? new Response('app') }
 */
export function createFetchProxy(
  config: UserConfig | ResolvedConfig,
  options: FetchProxyOptions = {},
): FetchProxy {
  return createFetchHandler(config, options, { createClient: () => createRuntimeClient() })
}
