import { createMockIO } from '../../engine/create-mock-io.ts'
import { findErrorPage } from '../../errors/read-error-page.ts'
import { NODE_INSPECTOR_HOOKS } from '../../inspector/node-inspector-hooks.ts'
import type { ResolvedConfig, UserConfig } from '../../types.ts'
import { createFetchHandler } from '../create-fetch-handler.ts'
import type { FetchProxy, FetchProxyOptions } from '../types.ts'
import { createNodeClient } from './create-node-client.ts'

/**
 * The proxy as a Fetch API handler, on Node (the `node` condition of `@sameorigin/core/fetch`): as
 * the runtime entry's, but upstreams are reached with the Node client (keep-alive agents, the
 * forward-proxy variables of `options.env`, per-route TLS trust), HTML error pages carry the
 * error's explanation, and mock folders and handler modules are read from disk.
 * @example
 * const proxy = createFetchProxy(config, { allowedHosts: ['.example.test'] })
 * const response = (await proxy(request, { clientAddress })) ?? next()
 */
export function createFetchProxy(
  config: UserConfig | ResolvedConfig,
  options: FetchProxyOptions = {},
): FetchProxy {
  return createFetchHandler(config, options, {
    createClient: ({ env }) => createNodeClient(env === undefined ? {} : { env }),
    explain: findErrorPage,
    mockIO: createMockIO(),
    inspector: NODE_INSPECTOR_HOOKS,
  })
}
