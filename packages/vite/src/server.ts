// @sameorigin/vite/server: the routes for server code in a Vite-based framework (React Router
// loaders and actions, any SSR): `serverFetch` and `createServerProxy` from the core.
export { createServerProxy, serverFetch } from '@sameorigin/core'
export type { ServerFetch, ServerFetchInit, ServerProxy, ServerProxyOptions } from '@sameorigin/core'
