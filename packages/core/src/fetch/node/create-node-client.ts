import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import process from 'node:process'
import { createAgents } from '../../engine/agents.ts'
import type { Env } from '../../engine/context.ts'
import { matchForwardProxy, toDisplayProxy } from '../../engine/match-forward-proxy.ts'
import { createTrustCache } from '../../engine/to-route-trust.ts'
import { measureConnect } from '../../engine/measure-connect.ts'
import { whenConnected } from '../../engine/when-connected.ts'
import type { UpstreamClient, UpstreamExchange, UpstreamResponse } from '../types.ts'
import { toNodeBody } from './to-node-body.ts'
import { toWebBody } from './to-web-body.ts'

/** Options of {@link createNodeClient}. */
export interface NodeClientOptions {
  /**
   * Where `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` are read.
   * @default process.env
   */
  env?: Env
}

/**
 * The client over node:http and node:https, as the Node engine connects: keep-alive agents of its
 * own (`close()` destroys them), the forward-proxy variables, per-route TLS trust (`ca` adds to
 * Node's roots; `secure: false` verifies nothing, with one warning per route), no decompression, and
 * the target's `Host` exactly as planned. The connect clock stops when the socket (TLS included) is up.
 * @example createFetchProxy(config, { client: createNodeClient({ env: { HTTPS_PROXY: 'http://proxy:3128' } }) })
 */
export function createNodeClient(options: NodeClientOptions = {}): UpstreamClient {
  const env = options.env ?? process.env
  const agents = createAgents()
  const trustFor = createTrustCache()
  return {
    request: (exchange) => {
      const { route } = exchange
      const { target } = route
      const proxy = matchForwardProxy(target, env)
      if (proxy !== undefined) exchange.viaForwardProxy(toDisplayProxy(proxy))
      const request: RequestOptions & Record<string, unknown> = {
        // `protocol` lets the proxy agents file a pooled tunnel under one name (see toHttpxyOptions).
        protocol: target.protocol,
        hostname: target.hostname,
        port: target.port,
        path: exchange.url.pathname + exchange.url.search,
        method: exchange.method,
        headers: exchange.headers as RequestOptions['headers'],
        agent: agents.for(target, proxy, false),
      }
      if (target.protocol === 'https:') {
        if (!route.secure) {
          exchange.unverifiedTls()
          request.rejectUnauthorized = false
        }
        const routeTrust = trustFor(route)
        if (routeTrust !== undefined)
          Object.assign(request, { secureContext: routeTrust.context, ca: routeTrust.ca })
      }
      return send(request, exchange)
    },
    close: async () => agents.destroy(),
  }
}

/** Sends one request; resolves with the head, rejects with the socket's error before it. */
function send(options: RequestOptions, exchange: UpstreamExchange): Promise<UpstreamResponse> {
  const { signal } = exchange
  return new Promise((resolve, reject) => {
    const start = options.protocol === 'https:' ? httpsRequest : httpRequest
    const upstream: ClientRequest = start(options)
    const onAbort = (): void => void upstream.destroy(toError(signal.reason))
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
    upstream.once('socket', (socket) => {
      whenConnected(socket, exchange.connected)
      if (exchange.connectTimings !== undefined) measureConnect(socket, exchange.connectTimings)
    })
    upstream.on('error', reject)
    upstream.once('response', (res: IncomingMessage) => {
      watchAnswer(upstream, res, () => signal.removeEventListener('abort', onAbort))
      resolve({
        status: res.statusCode ?? 502,
        statusText: res.statusMessage ?? '',
        headers: res.headers,
        body: toWebBody(res, () => upstream.destroy()),
      })
    })
    toNodeBody(exchange.body, upstream)
  })
}

/**
 * When the answer ended: a request not fully written by then (a 401 or 413 mid-upload) leaves the
 * connection's framing in doubt, so it is destroyed, never pooled.
 */
function watchAnswer(upstream: ClientRequest, res: IncomingMessage, done: () => void): void {
  res.once('end', done)
  res.once('close', () => {
    done()
    if (!upstream.writableFinished) upstream.destroy()
  })
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : Object.assign(new Error('aborted'), { code: 'ECONNABORTED' })
}
