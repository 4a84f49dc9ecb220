// @sameorigin/core/fetch (`node` condition): the same exports, with the Node client as the default,
// plus createNodeClient.
export { createFetchProxy } from './node/create-fetch-proxy.ts'
export { createNodeClient } from './node/create-node-client.ts'
export type { NodeClientOptions } from './node/create-node-client.ts'
export { createRuntimeClient } from './create-runtime-client.ts'
export { createServerFetch } from './create-server-fetch.ts'
export type { ServerFetch, ServerFetchInit, ServerFetchTarget } from './create-server-fetch.ts'
export type {
  FetchProxy,
  FetchProxyOptions,
  FetchRequestInfo,
  UpstreamClient,
  UpstreamExchange,
  UpstreamResponse,
} from './types.ts'
