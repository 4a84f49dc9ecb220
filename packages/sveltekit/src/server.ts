// For server code that fetches the routes outside SvelteKit's own `event.fetch` (a plain `fetch` in a
// server module, a background job): the core's helper, the same in every framework's adapter.
export { createServerProxy, serverFetch } from '@sameorigin/core'
export type { ServerFetch, ServerFetchInit, ServerProxy, ServerProxyOptions } from '@sameorigin/core'
