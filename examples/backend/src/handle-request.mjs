import { login, logout, me } from './auth.mjs'
import { events } from './events.mjs'
import { countBody, sendJson } from './http.mjs'

/** @import { IncomingMessage, ServerResponse } from 'node:http' */

/**
 * What every handler shares: the backend's own origin and its sessions.
 * @typedef {object} BackendContext
 * @property {string} origin the origin it redirects to and accepts in `Origin`, e.g. `http://127.0.0.1:4020`
 * @property {Map<string, string>} sessions session id → user name
 * @property {string} cookiePath the session cookie's `Path`
 */

/** @typedef {(req: IncomingMessage, res: ServerResponse, ctx: BackendContext, url: URL) => void | Promise<void>} Handler */

/** Methods a CSRF guard lets through without looking at `Origin`. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** @type {Readonly<Record<string, Readonly<Record<string, Handler>>>>} path → method → handler */
const ROUTES = {
  '/api/health': { GET: (_req, res) => sendJson(res, 200, { ok: true }) },
  '/api/login': { POST: login },
  '/api/me': { GET: me },
  '/api/logout': { POST: logout },
  '/api/events': { GET: (req, res, _ctx, url) => events(req, res, url) },
}

/**
 * Answers one request. Nothing here ever sets an `Access-Control-*` header: this backend, like many
 * real ones, was never meant to be called from another origin.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {BackendContext} ctx
 * @returns {Promise<void>}
 */
export async function handleRequest(req, res, ctx) {
  const method = req.method ?? 'GET'
  // Prefixing the origin keeps a path like `//evil.example/x` a path instead of a host.
  const target = req.url ?? '/'
  const url = new URL(target.startsWith('/') ? `${ctx.origin}${target}` : target)

  // The CSRF guard of a typical backend: an unsafe request from a page on another origin is refused.
  // Through sameorigin the browser's `Origin: http://localhost:5173` is rewritten to this origin.
  const origin = req.headers.origin
  if (!SAFE_METHODS.has(method) && origin !== undefined && origin !== ctx.origin) {
    req.resume()
    return sendJson(res, 403, { error: 'origin not allowed' })
  }

  if (url.pathname === '/api/echo' || url.pathname.startsWith('/api/echo/')) {
    const bodyLength = await countBody(req)
    const { pathname: path, search } = url
    return sendJson(res, 200, { method, path, search, headers: req.headers, bodyLength })
  }

  const route = Object.hasOwn(ROUTES, url.pathname) ? ROUTES[url.pathname] : undefined
  if (route === undefined) {
    req.resume()
    return sendJson(res, 404, { error: `no route for ${method} ${url.pathname}` })
  }
  const handler = route[method === 'HEAD' ? 'GET' : method]
  if (handler === undefined) {
    req.resume()
    return sendJson(
      res,
      405,
      { error: `${method} is not allowed here` },
      { allow: Object.keys(route).join(', ') },
    )
  }
  await handler(req, res, ctx, url)
}
