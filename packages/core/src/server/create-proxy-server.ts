import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { CreateProxyOptions } from '../engine/create-proxy.ts'
import { createProxy } from '../engine/create-proxy.ts'
import type { ResolvedConfig } from '../types.ts'

/** Options for {@link createProxyServer}: those of `createProxy`, plus what answers unmatched requests. */
export interface CreateProxyServerOptions extends CreateProxyOptions {
  /**
   * Answers requests no route matches (a static file server, an app). Without it they get a short
   * `404` in plain text.
   * @default a 404 answer
   */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void
}

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  const body = 'Not found: no sameorigin route matches this path.\n'
  res.writeHead(404, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
  })
  res.end(body)
}

/**
 * A plain Node HTTP server with the engine mounted: matched requests and WebSockets are proxied, the
 * rest go to `fallback`. Closing the server closes the engine (its agents and open WebSockets).
 * Not listening yet: see `listen()`.
 * @example
 * const server = createProxyServer(resolveConfig({ routes: { '/api': 'http://127.0.0.1:8080' } }))
 * const { url } = await listen(server, { port: 5173 })
 */
export function createProxyServer(resolved: ResolvedConfig, options: CreateProxyServerOptions = {}): Server {
  const { fallback = notFound, ...proxyOptions } = options
  const engine = createProxy(resolved, proxyOptions)
  const server = createServer((req, res) => {
    engine.middleware(req, res, (error) => {
      if (error === undefined) return fallback(req, res)
      res.statusCode = 500
      res.end()
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    // No host owns other upgrades here: refuse them rather than leave the socket hanging.
    if (!engine.upgrade(req, socket, head)) socket.destroy()
  })
  server.on('close', () => void engine.close())
  return server
}
