import type { ServerRequest } from 'srvx'
import { serve } from 'srvx'

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
): Promise<ServedFetch> {
  const server = serve({
    fetch: handler,
    hostname: '127.0.0.1',
    port: 0,
    silent: true,
    gracefulShutdown: false,
  })
  await server.ready()
  const address = server.node?.server?.address()
  if (address === null || address === undefined || typeof address === 'string') {
    throw new Error('srvx is not listening on a TCP port')
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    close: () => server.close(true),
  }
}
