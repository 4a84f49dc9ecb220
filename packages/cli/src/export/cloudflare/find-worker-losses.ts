import type { ResolvedConfig, ResolvedRoute } from '@sameorigin/core'
import type { ExportLoss } from '../types.ts'

const TLS_WHY = "a Worker's fetch verifies the upstream's certificate against public authorities only"

/** What one route does that the Worker cannot. */
function routeLosses(route: ResolvedRoute): ExportLoss[] {
  const losses: ExportLoss[] = []
  const loss = (behaviour: string, why: string, instead?: string): void => {
    losses.push({ route: route.id, behaviour, why, ...(instead === undefined ? {} : { instead }) })
  }
  if (route.rewriteIsFunction)
    loss(
      'a function rewrite (rewrite)',
      'the routes are written into worker.mjs as data, and a function of the config file is code',
      "a template rewrite ('/v2/:path*'), which the Worker keeps and reverses for redirects and cookies",
    )
  if (route.headersFunction !== undefined)
    loss(
      'computed request headers (headers as a function)',
      'the routes are written into worker.mjs as data, and a function of the config file is code',
      'static `headers`; a token from a secret: read `env` in worker.mjs and pass the route headers from it',
    )
  if (route.mock !== undefined)
    loss(
      'mock answers (mock)',
      'mocks are read from files by the Node transport, and a Worker has no file system',
    )
  if (!route.secure)
    loss(
      'certificate verification off (secure: false)',
      `${TLS_WHY}, and cannot turn that off`,
      'a publicly trusted certificate on the backend',
    )
  if (route.ca !== undefined)
    loss('extra certificate authorities (ca)', TLS_WHY, 'a publicly trusted certificate on the backend')
  if (!route.changeOrigin)
    loss(
      "the browser's Host kept (changeOrigin: false)",
      "a Worker's fetch always sends the target URL's host",
    )
  return losses
}

/** Losses of the whole config: what the Fetch transport under workerd never does, for any route. */
function configLosses(config: ResolvedConfig): ExportLoss[] {
  const losses: ExportLoss[] = []
  const ws = config.routes.filter((route) => route.ws).map((route) => route.id)
  if (ws.length > 0)
    losses.push({
      route: undefined,
      behaviour: `websocket upgrades (ws, on for ${ws.join(', ')})`,
      why: 'the Fetch transport takes a Request and returns a Response: it does not proxy websocket upgrades',
      instead: 'connect the page to the backend directly, or set `ws: false` to say the route has none',
    })
  if (config.routes.length > 0)
    losses.push({
      route: undefined,
      behaviour: 'the connect clock (connectTimeout)',
      why: "a Worker's fetch does not show when the connection is up: only `timeout` applies, from the request's start",
    })
  return losses
}

/**
 * Every behaviour of the config the Worker cannot keep: per route (function rewrites and header
 * functions, mocks, TLS trust, `changeOrigin: false`), then for the whole config (websockets, the
 * connect clock). Everything else the engine does, the Worker does: it runs the same engine.
 */
export function findWorkerLosses(config: ResolvedConfig): ExportLoss[] {
  return [...config.routes.flatMap((route) => routeLosses(route)), ...configLosses(config)]
}
