import type { ProxyMiddleware } from '@sameorigin/core'

/**
 * The engine's middleware, answering as if it ran before Vite's CORS middleware (as the Vite adapter
 * places it). Angular's dev server configures Vite's CORS with `preflightContinue`, and Vite installs
 * it before any plugin middleware, so by the time the engine sees a request every response already
 * carries `Access-Control-Allow-Origin` (reflecting the request's Origin) and, for a preflight, the
 * allowed methods and headers. On a route those would decorate the backend's answer with CORS the
 * backend never sent (and answer a preflight the backend should see). They are taken off while the
 * engine decides, and put back when it leaves the request to Angular.
 */
export function withoutHostCors(middleware: ProxyMiddleware): ProxyMiddleware {
  return function sameoriginProxyMiddleware(req, res, next) {
    const taken: [string, number | string | string[]][] = []
    for (const name of res.getHeaderNames()) {
      if (!name.startsWith('access-control-')) continue
      const value = res.getHeader(name)
      if (value !== undefined) taken.push([name, value])
      res.removeHeader(name)
    }
    middleware(req, res, (error) => {
      if (!res.headersSent) for (const [name, value] of taken) res.setHeader(name, value)
      next(error)
    })
  }
}
