import { resolve } from 'node:path'
import { inspect } from 'node:util'
import type { BuilderContext } from '@angular-devkit/architect'
import type { DevServerBuilderOptions, DevServerBuilderOutput } from '@angular/build'
import { executeDevServerBuilder } from '@angular/build'
import type { HostProxy, Logger } from '@sameorigin/core'
import { createLogger, isProxyError, printStartup, startHostProxy } from '@sameorigin/core'
import { addReportClient } from './add-report-client.ts'
import { findProxyConfigOverlaps } from './find-proxy-config-overlaps.ts'
import { mountOnServer } from './mount-on-server.ts'
import type { SameOriginDevServerOptions } from './options.ts'
import { readProxyConfig } from './read-proxy-config.ts'
import { toAllowedHosts } from './to-allowed-hosts.ts'
import { toArchitectLogger } from './to-architect-logger.ts'
import { toTerminalLogger } from './to-terminal-logger.ts'
import { watchListeningServers } from './watch-listening-servers.ts'
import { withoutHostCors } from './without-host-cors.ts'

/** What Angular's `executeDevServerBuilder` takes besides its options (experimental in Angular). */
export type DevServerExtensions = NonNullable<Parameters<typeof executeDevServerBuilder>[2]>

/** Angular's own dev-server builder: its schema validates the options this builder passes on. */
const ANGULAR_DEV_SERVER = '@angular/build:dev-server'

/** A failed start as `ng serve` prints it: a config error with its code, every problem and the hint. */
function describeStartError(error: unknown): string {
  if (isProxyError(error)) return inspect(error)
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

/** The project's root folder: where `sameorigin.config.*` is looked for first. */
async function findProjectRoot(context: BuilderContext, project: string): Promise<string> {
  const metadata = await context.getProjectMetadata(project)
  return resolve(context.workspaceRoot, typeof metadata.root === 'string' ? metadata.root : '')
}

/**
 * Angular's dev server (`executeDevServerBuilder` from `@angular/build`) with sameorigin's engine in
 * it: the middleware first among Angular's extension middleware (ahead of Vite's proxy, which serves
 * `proxyConfig`, and of the page fallback), the report client in index.html while the inspector is
 * on, the routes' WebSockets on the dev server's own socket, and the route table with the
 * inspector's URL printed once the server listens. The config is `sameorigin.config.*` from the
 * project's root (or `sameoriginConfig`), watched: an edit serves from the next request.
 * Every other option is Angular's, validated by the installed `@angular/build`'s own schema.
 * @example
 * // angular.json: "serve": { "builder": "@sameorigin/angular:dev-server", ... }
 */
export async function* executeDevServer(
  options: SameOriginDevServerOptions,
  context: BuilderContext,
  extensions: DevServerExtensions = {},
): AsyncIterable<DevServerBuilderOutput> {
  const project = context.target?.project
  if (project === undefined) {
    context.logger.error('The "@sameorigin/angular:dev-server" builder requires a target to be specified.')
    yield { success: false, baseUrl: '' }
    return
  }
  const { sameoriginConfig, ...angularOptions } = options
  // Checked (and completed with defaults) by the installed Angular's schema, so an option of a newer
  // @angular/build than the one this package's schema was written from still works from angular.json.
  const serve = await context.validateOptions<DevServerBuilderOptions>(angularOptions, ANGULAR_DEV_SERVER)
  // The start-up lines through the builder's logger; the lines while serving straight to the terminal.
  const startup = toArchitectLogger(context.logger)
  let proxy: HostProxy
  try {
    proxy = await startHostProxy(sameoriginConfig === undefined ? {} : { configFile: sameoriginConfig }, {
      root: await findProjectRoot(context, project),
      mode: 'development',
      logger: toTerminalLogger(),
      allowedHosts: toAllowedHosts(serve),
    })
  } catch (error) {
    context.logger.error(describeStartError(error))
    yield { success: false, baseUrl: '' }
    return
  }
  const proxyConfig = await readProxyConfig(context.workspaceRoot, serve.proxyConfig)
  const servers = watchListeningServers()
  let unmount: (() => void) | undefined
  try {
    const outputs = executeDevServerBuilder(serve, context, {
      ...extensions,
      middleware: [withoutHostCors(proxy.engine.middleware), ...(extensions.middleware ?? [])],
      indexHtmlTransformer: async (html) => {
        const page = extensions.indexHtmlTransformer ? await extensions.indexHtmlTransformer(html) : html
        // Read on every page, so an edit that turns the inspector on or off applies on the next load.
        return proxy.current().inspector === false ? page : addReportClient(page)
      },
    })
    for await (const output of outputs) {
      if (unmount === undefined && output.success && output.port !== undefined) {
        unmount = mountOnFirstOutput(proxy, servers, Number(output.port), startup)
        const resolved = proxy.current()
        printStartup(createLogger(resolved.logLevel, { logger: startup }), {
          resolved,
          serverUrl: output.baseUrl,
          overlaps: findProxyConfigOverlaps(resolved, proxyConfig),
          proxyOption: 'proxyConfig',
          proxyName: "Angular's proxyConfig (Vite's proxy)",
        })
      }
      yield output
    }
  } finally {
    servers.close()
    unmount?.()
    await proxy.close()
  }
}

/** Mounts the engine on the server listening on `port`; warns when none is found (no WebSockets then). */
function mountOnFirstOutput(
  proxy: HostProxy,
  servers: ReturnType<typeof watchListeningServers>,
  port: number,
  logger: Logger,
): () => void {
  const server = servers.find(port)
  servers.close()
  if (server !== undefined) return mountOnServer(server, proxy.engine)
  logger.warn(
    `[sameorigin] found no server listening on port ${port}: WebSockets on ws routes are not forwarded ` +
      '(HTTP routes are). Please report this with your Node and @angular/build versions.',
  )
  return () => {}
}
