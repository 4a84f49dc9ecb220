import type { IncomingMessage, Server as HttpServer } from 'node:http'
import process from 'node:process'
import type { Duplex } from 'node:stream'
import type { ProxyEngine, ResolvedConfig, SameOriginOptions } from '@sameorigin/core'
import { createLogger, createProxy, loadHostConfig, printStartup } from '@sameorigin/core'
import type { CompilerLike, DevServerConfig, DevServerLike, MiddlewareHandler } from './dev-server.ts'
import { findProxyOverlaps } from './find-proxy-overlaps.ts'
import { toAllowedHosts, toHmrPaths } from './host-options.ts'
import { findDevServerCompiler } from './find-dev-server-compiler.ts'
import { toInfrastructureLogger } from './to-infrastructure-logger.ts'
import { toMode } from './to-mode.ts'

/** One engine mounted in one dev server. */
export interface MountedProxy {
  /** The middleware to place in the dev server's list (named, for `DEBUG=connect:*`). */
  readonly middleware: MiddlewareHandler
  /**
   * Prints the route table and warnings, or the config error; call once the server listens. Prints at
   * once when the config is loaded (the usual case), else returns a promise of having printed.
   */
  readonly announce: () => Promise<void> | undefined
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function pathOf(url: string | undefined): string {
  const query = (url ?? '').indexOf('?')
  return query === -1 ? (url ?? '') : (url ?? '').slice(0, query)
}

/**
 * Mounts one proxy engine in a dev server from inside its `setupMiddlewares`: loads the config
 * (`setupMiddlewares` is synchronous and the config file is not, so requests arriving in the first
 * moments wait for it), creates the engine with the server's HMR paths and `allowedHosts`, takes the
 * WebSocket upgrades the server does not serve itself, and closes the engine with the server.
 */
export function mountProxy(devServer: DevServerLike, options: SameOriginOptions): MountedProxy {
  const hostOptions = (isObject(devServer.options) ? devServer.options : {}) as DevServerConfig
  const compiler = findDevServerCompiler(
    isObject(devServer.compiler) ? (devServer.compiler as CompilerLike) : undefined,
  )
  const logger = toInfrastructureLogger(compiler)
  const hmrPaths = toHmrPaths(hostOptions)
  let engine: ProxyEngine | undefined
  let loaded: { readonly resolved: ResolvedConfig } | { readonly error: unknown } | undefined
  let closed = false

  const ready: Promise<ResolvedConfig> = loadHostConfig(options, {
    root: compiler?.context ?? process.cwd(),
    mode: toMode(compiler),
  }).then((resolved) => {
    engine = createProxy(resolved, { logger, hmrPaths, allowedHosts: toAllowedHosts(hostOptions) })
    if (closed) void engine.close()
    return resolved
  })
  // A failure is reported once by announce, and to every request through next(error).
  ready.then(
    (resolved) => (loaded = { resolved }),
    (error: unknown) => (loaded = { error }),
  )

  const middleware: MiddlewareHandler = function sameoriginProxyMiddleware(req, res, next) {
    // The HMR endpoint is the dev server's, also when it is an event stream (WDS 6 `sse` transport).
    if (hmrPaths.includes(pathOf(req.url))) return next()
    if (engine !== undefined) return engine.middleware(req, res, next)
    ready.then(() => engine!.middleware(req, res, next), next)
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // `false`: not ours (no ws route, or the HMR path): the dev server's own listener answers it.
    if (engine !== undefined) engine.upgrade(req, socket, head)
    else
      ready.then(
        () => engine!.upgrade(req, socket, head),
        () => {},
      )
  }
  const server =
    isObject(devServer.server) && 'on' in devServer.server ? (devServer.server as HttpServer) : undefined
  server?.on('upgrade', onUpgrade)
  server?.once('close', () => {
    closed = true
    server.off('upgrade', onUpgrade)
    void engine?.close()
  })

  return {
    middleware,
    announce: () => {
      if (loaded === undefined) return ready.then(print, print)
      print()
      return undefined
    },
  }

  function print(): void {
    if (loaded === undefined) return
    if ('error' in loaded) {
      const { error } = loaded
      logger.error(error instanceof Error ? error.message : String(error))
      return
    }
    const log = createLogger(loaded.resolved.logLevel, { logger })
    printStartup(log, {
      resolved: loaded.resolved,
      overlaps: findProxyOverlaps(loaded.resolved, hostOptions.proxy),
      proxyOption: 'devServer.proxy',
      proxyName: "the dev server's proxy",
    })
  }
}
