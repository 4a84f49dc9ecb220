import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer, request } from 'node:http'
import type { Socket } from 'node:net'
import { connect } from 'node:net'
import { listen } from './listen.ts'

/** A forward proxy (what `HTTPS_PROXY` / `HTTP_PROXY` point at) that records what it carried. */
export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`: the value for `HTTPS_PROXY` / `HTTP_PROXY`. */
  readonly url: string
  /** `CONNECT` tunnels opened so far. */
  readonly connects: number
  /** Each CONNECT's authority (`host:port`), in order. */
  readonly connectTargets: string[]
  /** Each absolute-form request forwarded (`http://host:port/path`), in order. */
  readonly forwarded: string[]
  close: () => Promise<void>
}

/**
 * Where the proxy really connects: `*.sameorigin.test` and `localhost` name this machine, so tests
 * can use a target host that only the proxy can reach (the engine never resolves it itself).
 */
function toLoopback(hostname: string): string {
  return hostname === 'localhost' || hostname.endsWith('.sameorigin.test') ? '127.0.0.1' : hostname
}

/** Starts an HTTP forward proxy on 127.0.0.1 port 0: CONNECT tunnels and absolute-form requests. */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const connectTargets: string[] = []
  const forwarded: string[] = []
  const tunnels = new Set<Socket>()

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    // HTTP_PROXY: the client sends `GET http://host:port/path HTTP/1.1`.
    const url = new URL(req.url ?? '/')
    forwarded.push(url.href)
    const upstream = request(
      {
        host: toLoopback(url.hostname),
        port: url.port || 80,
        path: url.pathname + url.search,
        method: req.method,
        headers: req.headers,
      },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers)
        upstreamRes.pipe(res)
      },
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  }

  const server = createServer(onRequest)
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    // HTTPS_PROXY: `CONNECT host:port`, then raw bytes both ways.
    const authority = req.url ?? ''
    connectTargets.push(authority)
    const { hostname, port } = new URL(`http://${authority}`)
    const upstream = connect(Number(port) || 443, toLoopback(hostname), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    tunnels.add(upstream)
    upstream.once('close', () => {
      tunnels.delete(upstream)
      client.destroy()
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
    client.once('close', () => upstream.destroy())
  })
  const listening = await listen(server)
  return {
    url: listening.url,
    get connects() {
      return connectTargets.length
    },
    connectTargets,
    forwarded,
    close: async () => {
      for (const socket of tunnels) socket.destroy()
      await listening.close()
    },
  }
}
