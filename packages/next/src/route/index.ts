// `@sameorigin/next/route`: the route handler for `app/api/[...path]/route.ts` (and its Pages Router
// equivalent), plus `serverFetch` for server code. It runs in Next's Node.js runtime and needs nothing
// from Next itself: Web Request/Response for the App Router (the core's Fetch transport), Node's
// req/res for the Pages Router (the core's Node engine).
import type { PagesHandler } from './create-pages-handler.ts'
import { createPagesHandlerFrom } from './create-pages-handler.ts'
import type { RouteHandler, RouteHandlers } from './create-route-handler.ts'
import { createRouteHandlerFrom } from './create-route-handler.ts'
import { loadSharedConfig } from './load-route-config.ts'
import type { ServerFetch } from './server-fetch.ts'
import { createServerFetchFrom } from './server-fetch.ts'

export { createPagesHandler, pagesConfig } from './create-pages-handler.ts'
export type { PagesHandler } from './create-pages-handler.ts'
export { createRouteHandler } from './create-route-handler.ts'
export type { RouteHandler, RouteHandlerOptions, RouteHandlers } from './create-route-handler.ts'
export type { RouteConfigOptions } from './load-route-config.ts'
export { createServerFetch } from './server-fetch.ts'
export type { ServerFetch, ServerFetchInit } from './server-fetch.ts'

// The ready-made exports: routes from the `sameorigin.config.*` nearest to the app's root. Nothing is
// created on import; the first request creates what it needs, and all of them share one config
// loader (`loadSharedConfig`), so the file is read once.
let handlers: RouteHandlers | undefined
let pages: PagesHandler | undefined
let fetcher: ServerFetch | undefined
const readyHandlers = (): RouteHandlers => (handlers ??= createRouteHandlerFrom(loadSharedConfig, {}))

export const GET: RouteHandler = (request) => readyHandlers().GET(request)
export const HEAD: RouteHandler = (request) => readyHandlers().HEAD(request)
export const POST: RouteHandler = (request) => readyHandlers().POST(request)
export const PUT: RouteHandler = (request) => readyHandlers().PUT(request)
export const PATCH: RouteHandler = (request) => readyHandlers().PATCH(request)
export const DELETE: RouteHandler = (request) => readyHandlers().DELETE(request)
export const OPTIONS: RouteHandler = (request) => readyHandlers().OPTIONS(request)
/** `pages/api/[...path].ts`: `export { pagesHandler as default, pagesConfig as config } from '@sameorigin/next/route'`. */
export const pagesHandler: PagesHandler = (req, res) =>
  (pages ??= createPagesHandlerFrom(loadSharedConfig, {}))(req, res)
/** `fetch` for server code, resolving `/api/...` through the same routes. */
export const serverFetch: ServerFetch = (input, init) =>
  (fetcher ??= createServerFetchFrom(loadSharedConfig))(input, init)
