import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import type { ProxyMiddleware } from '@sameorigin/core'

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

/** Marks a request the engine has already passed on, so the fallback middleware leaves it alone. */
const PASSED: unique symbol = Symbol('sameorigin passed')

type MarkedRequest = IncomingMessage & { [PASSED]?: true }

/**
 * Runs the engine ahead of everything Storybook does to a request, at the server's `request` level.
 *
 * Why there: Storybook's app starts with compression (`@polka/compression`, which gzips a text, JSON
 * or event-stream answer once its first write reaches 1 KiB, holding server-sent events back), then
 * sets `Cache-Control: no-store` and appends a CSP `frame-ancestors` header to every response, all
 * before `experimental_devServer` adds anything. A routed exchange must reach the browser as the
 * backend sent it, so the engine has to run before those. Of the ways to get there, moving our
 * middleware to the front of polka's `routes` depends on trouter's internals and still runs after
 * polka has parsed and rewritten `req.url`; wrapping the server's `request` listeners needs only
 * Node's EventEmitter API and that Storybook's app listens on the server it hands the preset (polka's
 * `listen()` adds its handler as a `request` listener), in Storybook 9 and 10 alike. Once the server
 * listens, its `request` listeners move behind one of ours: the engine answers what it routes (and its
 * inspector) byte for byte, and calls the listeners in their order for everything else.
 *
 * Returns the middleware to also `use` in Storybook's app: it routes a request only when the wrapper
 * did not see it (no listener was there to wrap), so the routes still work behind Storybook's
 * middlewares if a future Storybook attaches its app differently.
 */
export function serveRoutesFirst(
  server: HttpServer,
  middleware: ProxyMiddleware,
): { readonly fallback: ProxyMiddleware; readonly stop: () => void } {
  let wrapped: { readonly listener: RequestListener; readonly hosts: RequestListener[] } | undefined
  const wrap = (): void => {
    const hosts = server.listeners('request') as RequestListener[]
    if (hosts.length === 0) return
    const listener: RequestListener = function sameoriginRequest(req: MarkedRequest, res) {
      req[PASSED] = true
      middleware(req, res, () => {
        for (const host of hosts) host.call(server, req, res)
      })
    }
    server.removeAllListeners('request')
    server.on('request', listener)
    wrapped = { listener, hosts }
  }
  if (server.listening) wrap()
  else server.once('listening', wrap)
  return {
    fallback: function sameoriginFallbackMiddleware(req: MarkedRequest, res, next) {
      if (req[PASSED] === true) next()
      else middleware(req, res, next)
    },
    stop: () => {
      server.off('listening', wrap)
      if (wrapped === undefined || !server.listeners('request').includes(wrapped.listener)) return
      server.off('request', wrapped.listener)
      for (const host of wrapped.hosts) server.on('request', host)
      wrapped = undefined
    },
  }
}
