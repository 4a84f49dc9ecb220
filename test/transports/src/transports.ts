import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { CorsOptions, Logger, UserConfig } from '@sameorigin/core'
import { createProxy } from '@sameorigin/core'
import { createFetchProxy } from '@sameorigin/core/fetch'
import { createRouteHandler } from '@sameorigin/next/route'
import { listen, serveFetch } from '@sameorigin/test-utils'

/**
 * What a transport may be unable to do, each named after the case that needs it. A transport lists
 * only those it cannot do, with the reason; the case is skipped there and the reason is the table's.
 */
export type Gap = 'close' | 'repeatedHost' | 'inspectorOption'

/** What a case may ask of the proxy besides the routes: the options every transport takes. */
export interface StartOptions {
  allowedHosts?: readonly string[] | true
  cors?: CorsOptions
  env?: Readonly<Record<string, string | undefined>>
  /** Serve the inspector and record exchanges (dev servers). */
  inspector?: boolean
}

/** One transport, started for one config on 127.0.0.1 port 0. */
export interface Running {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** Every line the proxy logged at `warn`, in order. */
  readonly warnings: string[]
  /** Destroys the proxy's upstream connections (its `close()`), leaving the server up. */
  readonly closeProxy: () => Promise<void>
  /** Stops the proxy and the server. */
  readonly close: () => Promise<void>
}

export interface Transport {
  readonly name: string
  /** What this transport cannot do, with the reason (see {@link Gap}). */
  readonly gaps: Partial<Record<Gap, string>>
  readonly start: (config: UserConfig, options?: StartOptions) => Promise<Running>
}

const ignore = (): void => {}

function recordingLogger(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = []
  return {
    logger: { info: ignore, error: ignore, warn: (line: string) => warnings.push(String(line)) },
    warnings,
  }
}

/** The core's Node engine (`createProxy`) as a plain `node:http` server mounts it. */
export const nodeEngine: Transport = {
  name: 'node engine',
  gaps: {},
  async start(config, options = {}) {
    const { logger, warnings } = recordingLogger()
    const proxy = createProxy(config, { ...options, logger })
    const server = await listen(
      createServer((req, res) =>
        proxy.middleware(req, res, () => {
          res.statusCode = 404
          res.end('Not Found\n')
        }),
      ),
    )
    return toRunning(server, proxy, warnings)
  },
}

// The route handler loads its config through the app's own `@sameorigin/next` (as in a Next app):
// this package's folder is the app root.
const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** `createRouteHandler` from `@sameorigin/next/route`, served as Next serves a route handler. */
export const nextRouteHandler: Transport = {
  name: 'next route handler',
  gaps: {
    close:
      'Next gives a route module no shutdown hook: the handler closes its proxy only when it loads another config',
    inspectorOption:
      'the route handler turns the inspector on by itself wherever NODE_ENV is not production (next dev), not by an option',
  },
  async start(config, options = {}) {
    const { logger, warnings } = recordingLogger()
    const handlers = createRouteHandler({ ...config, ...options, configFile: false, root: ROOT, logger })
    const byMethod: Record<string, ((request: Request) => Promise<Response>) | undefined> = { ...handlers }
    const server = await serveFetch(async (request) => {
      // Next answers a method the route file does not export with 405 before the handler runs.
      const handler = byMethod[request.method]
      return handler === undefined ? new Response(null, { status: 405 }) : handler(request)
    })
    return {
      ...server,
      warnings,
      closeProxy: () => Promise.reject(new Error('the route handler has no close()')),
    }
  },
}

/**
 * The core's Fetch transport (`createFetchProxy` from `@sameorigin/core/fetch`, the `node`
 * condition: the Node upstream client), served like the route handler.
 */
export const fetchProxy: Transport = {
  name: 'fetch proxy',
  gaps: {},
  async start(config, options = {}) {
    const { logger, warnings } = recordingLogger()
    const proxy = createFetchProxy(config, { ...options, logger })
    const server = await serveFetch(async (request) => {
      const response = await proxy(request, { clientAddress: request.ip })
      return response ?? new Response('Not Found\n', { status: 404 })
    })
    return toRunning(server, proxy, warnings)
  },
}

/** A running transport whose proxy has its own `close()`: closing stops the proxy, then the server. */
function toRunning(
  server: { readonly url: string; readonly port: number; readonly close: () => Promise<void> },
  proxy: { readonly close: () => Promise<void> },
  warnings: Running['warnings'],
): Running {
  return {
    url: server.url,
    port: server.port,
    warnings,
    closeProxy: () => proxy.close(),
    close: async () => {
      await proxy.close()
      await server.close()
    },
  }
}

export const TRANSPORTS: readonly Transport[] = [nodeEngine, nextRouteHandler, fetchProxy]
