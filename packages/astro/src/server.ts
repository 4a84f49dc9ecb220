// Server code's entry: `serverFetch` for code that has no `Astro.locals` at hand (an endpoint helper,
// a library), and `createServerProxy` to mount the routes elsewhere. Both are the core's, unchanged.
export { createServerProxy, serverFetch } from '@sameorigin/core'
export type { ServerFetch, ServerFetchInit, ServerProxy, ServerProxyOptions } from '@sameorigin/core'
