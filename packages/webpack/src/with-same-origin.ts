import type { SameOriginOptions } from '@sameorigin/core'
import type { DevServerConfig, DevServerLike, Middleware } from './dev-server.ts'
import type { MountedProxy } from './mount-proxy.ts'
import { mountProxy } from './mount-proxy.ts'
import { placeProxyMiddleware } from './place-proxy-middleware.ts'

/**
 * What `withSameOrigin` adds to a `devServer` config: the two composed hooks. Methods, and generic in
 * the middleware type, so they fit the hook types of whichever dev server's types are installed.
 */
export interface SameOriginDevServer {
  setupMiddlewares<M>(middlewares: M[], devServer: DevServerLike): M[]
  onListening(devServer: DevServerLike): void
}

/** Marks the composed `setupMiddlewares`, so a config that already has sameorigin is not given it twice. */
const MOUNTED: unique symbol = Symbol.for('sameorigin.webpack.setupMiddlewares')

/**
 * A copy of a `devServer` config (webpack-dev-server 5 and 6, Rspack) with sameorigin mounted: its
 * `setupMiddlewares` places the engine right after the dev server's host checks, before compression,
 * static files, `devServer.proxy` and the history fallback, then calls yours with the result; its
 * `onListening` prints the route table after the "Project is running at" lines, then calls yours.
 * The input is not changed; one that already has sameorigin (`withSameOrigin` and the plugin both)
 * is copied as it is, so the engine is mounted once. The config file is read from the compiler's `context`, for its `mode`
 * (else the working directory and `NODE_ENV`), when the dev server starts: builds never read it.
 * @example
 * // webpack.config.js
 * export default { devServer: withSameOrigin({ port: 8080 }, { routes: { '/api': 'http://127.0.0.1:3000' } }) }
 */
export function withSameOrigin<T extends object>(
  devServer: T | undefined,
  options: SameOriginOptions = {},
): Omit<T, keyof SameOriginDevServer> & SameOriginDevServer {
  const input = (devServer ?? {}) as DevServerConfig
  const { setupMiddlewares: userSetup, onListening: userOnListening } = input
  if (userSetup !== undefined && MOUNTED in userSetup) {
    return { ...devServer } as Omit<T, keyof SameOriginDevServer> & SameOriginDevServer
  }
  // One engine per dev server: a config object can serve several servers (multi-compiler setups).
  const mounted = new WeakMap<DevServerLike, MountedProxy>()
  const setupMiddlewares = function sameoriginSetupMiddlewares<M>(
    middlewares: M[],
    server: DevServerLike,
  ): M[] {
    const proxy = mountProxy(server, options)
    mounted.set(server, proxy)
    // `{ name, middleware }` is an entry every one of the dev servers takes.
    const entry = { name: 'sameorigin', middleware: proxy.middleware } as M
    const placed = placeProxyMiddleware(middlewares, entry)
    return userSetup === undefined ? placed : (userSetup(placed as Middleware[], server) as M[])
  }
  Object.defineProperty(setupMiddlewares, MOUNTED, { value: true })
  return {
    ...(devServer as T),
    setupMiddlewares,
    onListening: function sameoriginOnListening(server: DevServerLike): void {
      // The table first, then yours: it belongs under the dev server's URLs.
      const printing = mounted.get(server)?.announce()
      if (printing === undefined) userOnListening?.(server)
      else void printing.then(() => userOnListening?.(server))
    },
  }
}
