// @sameorigin/core/fetch (`default` condition): the Fetch transport for any runtime with Web streams.
// No node: module and no dependency is reachable from here (test/pure-entries.test.ts checks it).
export { createFetchProxy } from './create-fetch-proxy.ts'
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
