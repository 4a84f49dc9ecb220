import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Server, Socket } from 'node:net'
import { createServer as createNetServer } from 'node:net'
import type { Duplex } from 'node:stream'
import { findRefusingPort, listen, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import type { WebSocket } from 'ws'
import { WebSocketServer } from 'ws'
import type { Trace } from './trace.ts'

/** The backend of one fault: the route's target, and what is open on its side. */
export interface FaultUpstream {
  /** The route target: where the fault's upstream listens, or a URL nothing answers. */
  readonly target: string
  /** TCP connections open right now at the upstream (accepted, not yet closed). */
  readonly openConnections: () => number
  /** TCP connections accepted so far. */
  readonly connections: () => number
  /**
   * Closes the connections that carry no request, as the upstream's own `keepAliveTimeout` would
   * (Node's `server.closeIdleConnections()`): what the proxy's keep-alive pool legitimately holds
   * goes, what it never finished stays and shows as a leak.
   */
  readonly closeIdle: () => void
  readonly close: () => Promise<void>
}

/** Listens on 127.0.0.1 port 0 and counts every accepted TCP connection until it closes. */
async function serve(
  server: Server,
  target: (port: number) => string,
  closeIdle: () => void = () => {},
): Promise<FaultUpstream> {
  const sockets = new Set<Socket>()
  let accepted = 0
  server.on('connection', (socket: Socket) => {
    accepted++
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  const listening = await listen(server)
  return {
    target: target(listening.port),
    openConnections: () => sockets.size,
    connections: () => accepted,
    closeIdle,
    close: listening.close,
  }
}

/** What a fault's HTTP upstream does with one request. */
export type HttpBehaviour = (req: IncomingMessage, res: ServerResponse, trace: Trace) => void

/** What a fault's upstream does with one WebSocket handshake (Node's `upgrade` event). */
export type UpgradeBehaviour = (req: IncomingMessage, socket: Duplex, head: Buffer, trace: Trace) => void

/** Options for {@link httpUpstream}. */
export interface HttpUpstreamOptions {
  /**
   * `'tls'`: serve HTTPS with the test certificate (not signed by a CA Node trusts unless a route
   * gives `ca`); `'https-target'`: serve plain HTTP but give the route an `https:` target.
   * @default plain HTTP, `http:` target
   */
  readonly scheme?: 'tls' | 'https-target'
  /** Handles WebSocket handshakes. @default none: Node destroys the socket of an upgrade */
  readonly upgrade?: UpgradeBehaviour
}

/** A Node HTTP(S) server answering with `behaviour`: keep-alive, chunked, 1xx and trailers as Node does them. */
export function httpUpstream(
  behaviour: HttpBehaviour,
  options: HttpUpstreamOptions = {},
): (trace: Trace) => Promise<FaultUpstream> {
  return (trace) => {
    const onRequest = (req: IncomingMessage, res: ServerResponse): void => behaviour(req, res, trace)
    const server =
      options.scheme === 'tls'
        ? createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, onRequest)
        : createHttpServer(onRequest)
    const upgrade = options.upgrade
    if (upgrade !== undefined)
      server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
        upgrade(req, socket, head, trace)
      })
    const scheme = options.scheme === undefined ? 'http' : 'https'
    return serve(
      server,
      (port) => `${scheme}://127.0.0.1:${port}`,
      () => server.closeIdleConnections(),
    )
  }
}

/**
 * A TCP server that speaks HTTP/1.1 by hand, for what Node's HTTP server would not do (a response
 * that lies about its length, a server that never reads the request body). `onRequestHead` runs once
 * per connection, when the request head has arrived, with whatever else arrived with it.
 */
export function rawUpstream(
  onRequestHead: (socket: Socket, head: string, trace: Trace) => void,
): (trace: Trace) => Promise<FaultUpstream> {
  return (trace) => {
    const server = createNetServer((socket) => {
      // The proxy may reset the connection at any point; that is the case, not a test failure.
      socket.on('error', () => {})
      let received = ''
      const onData = (chunk: Buffer): void => {
        received += chunk.toString('latin1')
        const end = received.indexOf('\r\n\r\n')
        if (end === -1) return
        socket.off('data', onData)
        onRequestHead(socket, received.slice(0, end), trace)
      }
      socket.on('data', onData)
    })
    return serve(server, (port) => `http://127.0.0.1:${port}`)
  }
}

/** A port nothing listens on while the test runs (`findRefusingPort`): every connection is refused. */
export function nothingListens(): () => Promise<FaultUpstream> {
  return async () => {
    const port = await findRefusingPort()
    return {
      target: `http://127.0.0.1:${port}`,
      openConnections: () => 0,
      connections: () => 0,
      closeIdle: () => {},
      close: () => Promise.resolve(),
    }
  }
}

/**
 * A host name that never resolves: `.invalid` is reserved for exactly that (RFC 6761 §6.4), so the
 * lookup fails at once, with or without a network.
 */
export function unresolvable(): () => Promise<FaultUpstream> {
  return () =>
    Promise.resolve({
      target: 'http://sameorigin-nonexistent.invalid',
      openConnections: () => 0,
      connections: () => 0,
      closeIdle: () => {},
      close: () => Promise.resolve(),
    })
}

/**
 * A WebSocket backend (the `ws` package, as most Node backends use): `onOpen` gets each connection.
 * The trace notes `upstream:ws-open`, then `upstream:ws-closed` and `upstream:ws-closed:<code>:<reason>`.
 */
export function wsUpstream(
  onOpen: (socket: WebSocket, trace: Trace) => void = () => {},
): (trace: Trace) => Promise<FaultUpstream> {
  return (trace) => {
    const wss = new WebSocketServer({ noServer: true })
    const start = httpUpstream(
      (_req, res) => {
        res.writeHead(426, { 'content-type': 'text/plain' })
        res.end('websocket only')
      },
      {
        upgrade: (req, socket, head) => {
          wss.handleUpgrade(req, socket, head, (ws) => {
            trace.note('upstream:ws-open')
            ws.once('close', (code, reason) => {
              trace.note('upstream:ws-closed')
              trace.note(`upstream:ws-closed:${code}:${reason.toString('utf8')}`)
            })
            onOpen(ws, trace)
          })
        },
      },
    )
    return start(trace)
  }
}
