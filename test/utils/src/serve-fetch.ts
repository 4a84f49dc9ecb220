import type { ServerRequest } from 'srvx'
import { serve } from 'srvx'
import { TEST_CERT, TEST_KEY } from './certs.ts'

/** Options of {@link serveFetch}. */
export interface ServeFetchOptions {
  /** Serve over TLS with the test certificate, HTTP/2 and HTTP/1.1 (srvx's secure server). @default false */
  readonly http2?: boolean
  /**
   * Milliseconds an idle keep-alive connection stays open (Node's `server.keepAliveTimeout`), for
   * tests whose raw requests keep the connection alive and wait for the server to close it.
   * @default Node's (5 000)
   */
  readonly keepAliveTimeout?: number
}

/** A Fetch handler served on 127.0.0.1 port 0. */
export interface ServedFetch {
  readonly url: string
  readonly port: number
  /** Stops listening and closes every connection. */
  readonly close: () => Promise<void>
}

/**
 * Serves a Web `Request → Response` handler on a real Node server through srvx, the server layer of
 * h3 and Nitro: requests are streamed in and responses streamed out with Node's backpressure, and
 * repeated header fields reach the handler joined as Web `Headers` join them, as in any Fetch host.
 */
export async function serveFetch(
  handler: (request: ServerRequest) => Promise<Response>,
  options: ServeFetchOptions = {},
): Promise<ServedFetch> {
  const secure = options.http2 === true
  const server = serve({
    fetch: handler,
    hostname: '127.0.0.1',
    port: 0,
    silent: true,
    gracefulShutdown: false,
    ...(secure ? { protocol: 'https' as const, tls: { cert: TEST_CERT, key: TEST_KEY } } : {}),
  })
  await server.ready()
  const node = server.node?.server
  if (options.keepAliveTimeout !== undefined && node !== undefined && 'keepAliveTimeout' in node) {
    node.keepAliveTimeout = options.keepAliveTimeout
  }
  const address = node?.address()
  if (address === null || address === undefined || typeof address === 'string') {
    throw new Error('srvx is not listening on a TCP port')
  }
  return {
    url: `${secure ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    port: address.port,
    close: () => server.close(true),
  }
}
