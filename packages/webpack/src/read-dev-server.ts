import type { Server as HttpServer } from 'node:http'
import type { Logger } from '@sameorigin/core'
import type { CompilerLike, DevServerConfig, DevServerLike } from './dev-server.ts'
import { findDevServerCompiler, toServedCompilers } from './find-dev-server-compiler.ts'
import { toHmrPaths } from './host-options.ts'
import { toInfrastructureLogger } from './to-infrastructure-logger.ts'

/** What the adapter takes from a dev server instance, read once when it mounts. */
export interface DevServerHost {
  /** The dev server's normalised options (`allowedHosts`, `proxy`, the HMR socket's settings). */
  readonly options: DevServerConfig
  /** The compiler it serves (the child with `devServer` of a multi-compiler). */
  readonly compiler: CompilerLike | undefined
  /** Every compiler whose bundles it serves (a multi-compiler's children but `devServer: false`). */
  readonly compilers: readonly CompilerLike[]
  /** Its http(s) server, created before `setupMiddlewares` runs. */
  readonly server: HttpServer | undefined
  /** Where the adapter's lines go: the compiler's infrastructure logger, else `console`. */
  readonly logger: Logger
  /** The paths of the dev server's own HMR / live-reload socket. */
  readonly hmrPaths: string[]
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

/**
 * Reads what the adapter needs from the instance `setupMiddlewares` receives (webpack-dev-server 5
 * and 6, @rspack/dev-server 2). Their types differ between majors, so every field is narrowed here.
 */
export function readDevServer(devServer: DevServerLike): DevServerHost {
  const options = (isObject(devServer.options) ? devServer.options : {}) as DevServerConfig
  const served = isObject(devServer.compiler) ? (devServer.compiler as CompilerLike) : undefined
  const compiler = findDevServerCompiler(served)
  const server =
    isObject(devServer.server) && 'on' in devServer.server ? (devServer.server as HttpServer) : undefined
  return {
    options,
    compiler,
    compilers: toServedCompilers(served),
    server,
    logger: toInfrastructureLogger(compiler),
    hmrPaths: toHmrPaths(options),
  }
}
