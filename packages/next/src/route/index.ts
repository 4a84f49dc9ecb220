// `@sameorigin/next/route`: the route handler for `app/api/[...path]/route.ts` (and its Pages Router
// equivalent), plus `serverFetch` for server code. It runs in Next's Node.js runtime and needs nothing
// from Next itself: Web Request/Response for the App Router, Node's req/res for the Pages Router.
import { createPagesHandler } from './create-pages-handler.ts'
import { createRouteHandler } from './create-route-handler.ts'
import { createServerFetch } from './server-fetch.ts'
import type { PagesHandler } from './create-pages-handler.ts'
import type { RouteHandler, RouteHandlers } from './create-route-handler.ts'
import type { ServerFetch } from './server-fetch.ts'

export { createPagesHandler, pagesConfig } from './create-pages-handler.ts'
export type { PagesHandler } from './create-pages-handler.ts'
export { createRouteHandler } from './create-route-handler.ts'
export type { RouteHandler, RouteHandlerOptions, RouteHandlers } from './create-route-handler.ts'
export type { RouteConfigOptions } from './load-route-config.ts'
export { createServerFetch } from './server-fetch.ts'
export type { ServerFetch } from './server-fetch.ts'

// The ready-made handlers: routes from the `sameorigin.config.*` nearest to the app's root. Created
// once per module instance; nothing is loaded before the first request.
const handlers: RouteHandlers = createRouteHandler()
export const GET: RouteHandler = handlers.GET
export const HEAD: RouteHandler = handlers.HEAD
export const POST: RouteHandler = handlers.POST
export const PUT: RouteHandler = handlers.PUT
export const PATCH: RouteHandler = handlers.PATCH
export const DELETE: RouteHandler = handlers.DELETE
export const OPTIONS: RouteHandler = handlers.OPTIONS
/** `pages/api/[...path].ts`: `export { pagesHandler as default, pagesConfig as config } from '@sameorigin/next/route'`. */
export const pagesHandler: PagesHandler = createPagesHandler()
/** `fetch` for server code, resolving `/api/...` through the same routes. */
export const serverFetch: ServerFetch = createServerFetch()
