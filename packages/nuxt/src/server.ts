// @sameorigin/nuxt/server: the routes for server code outside Nuxt's own fetch (a Nitro handler
// calling another service, a plugin, a task): `serverFetch` and `createServerProxy` from the core.
export { createServerProxy, serverFetch } from '@sameorigin/core'
export type { ServerFetch, ServerFetchInit, ServerProxy, ServerProxyOptions } from '@sameorigin/core'
