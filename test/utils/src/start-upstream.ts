import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import { createServer as createHttpServer } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { WebSocketServer } from 'ws'
import { TEST_CERT, TEST_KEY } from './certs.ts'
import { listen } from './listen.ts'

/** What reached the upstream. */
export interface RecordedRequest {
  readonly method: string
  /** The request target as received (path and query). */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  /** Header names and values in arrival order, as on the wire. */
  readonly rawHeaders: readonly string[]
  /** The body, filled in once the default echo handler has read it (`''` for custom handlers). */
  body: string
  /** Set when the request or its connection closed before the response finished. */
  aborted: boolean
  /** `'http'` for requests, `'upgrade'` for WebSocket handshakes. */
  readonly kind: 'http' | 'upgrade'
}

/** Options for {@link startUpstream}. */
export interface UpstreamOptions {
  /** Serve TLS with the test certificate (see `TEST_CA`). @default false */
  https?: boolean
  /**
   * The loopback address to listen on, only: `::1` for a backend a `localhost` target must find on
   * the IPv6 loopback.
   * @default '127.0.0.1'
   */
  host?: '127.0.0.1' | '::1'
  /**
   * Answers requests instead of the echo. The request is already recorded (without its body).
   * @default echo: `200` with JSON `{ method, path, headers, body }`
   */
  handle?: (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void
  /**
   * Accept WebSocket upgrades; the callback gets each connection.
   * @default undefined: upgrades are refused (the socket is destroyed)
   */
  websocket?: (socket: WebSocket, req: IncomingMessage) => void
  /**
   * Answer WebSocket handshakes with this status and the body `refused` instead of upgrading.
   * @default undefined: without `websocket`, the socket is destroyed
   */
  refuseUpgrades?: number
}

/** A local backend that records what reached it. */
export interface Upstream {
  readonly url: string
  readonly port: number
  /** Every request (and WebSocket handshake) received, in order. */
  readonly requests: RecordedRequest[]
  /** TCP connections accepted so far. */
  readonly connections: number
  /** TCP connections open right now. */
  readonly openConnections: number
  close: () => Promise<void>
}

/** The default handler: answers with what arrived, as JSON. */
export function echo(req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    recorded.body = Buffer.concat(chunks).toString('utf8')
    const { method, path, headers, body } = recorded
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ method, path, headers, body }))
  })
}

/** Starts an echo backend on 127.0.0.1 (or `host`) port 0 that records requests and counts connections. */
export async function startUpstream(options: UpstreamOptions = {}): Promise<Upstream> {
  const requests: RecordedRequest[] = []
  let connections = 0
  let openConnections = 0
  const record = (req: IncomingMessage, kind: RecordedRequest['kind']): RecordedRequest => {
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      rawHeaders: req.rawHeaders,
      body: '',
      aborted: false,
      kind,
    }
    requests.push(recorded)
    return recorded
  }
  const handle = options.handle ?? echo
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const recorded = record(req, 'http')
    res.once('close', () => {
      if (!res.writableFinished) recorded.aborted = true
    })
    handle(req, res, recorded)
  }
  const server = options.https
    ? createHttpsServer({ cert: TEST_CERT, key: TEST_KEY }, onRequest)
    : createHttpServer(onRequest)
  server.on('connection', (socket: Socket) => {
    connections++
    openConnections++
    socket.once('close', () => openConnections--)
  })
  const wss = options.websocket ? new WebSocketServer({ noServer: true }) : undefined
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    record(req, 'upgrade')
    if (options.refuseUpgrades !== undefined) {
      socket.end(
        `HTTP/1.1 ${options.refuseUpgrades} Refused\r\ncontent-type: text/plain\r\nset-cookie: seen=1; Domain=example.com\r\ncontent-length: 7\r\n\r\nrefused`,
      )
      return
    }
    if (!wss || !options.websocket) return socket.destroy()
    const onSocket = options.websocket
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, req))
  })
  const listening = await listen(server, options.host)
  return {
    url: listening.url,
    port: listening.port,
    requests,
    get connections() {
      return connections
    },
    get openConnections() {
      return openConnections
    },
    close: async () => {
      wss?.close()
      await listening.close()
    },
  }
}

/** {@link startUpstream} with TLS: a certificate signed by `TEST_CA` for 127.0.0.1 and localhost. */
export function startTlsUpstream(options: Omit<UpstreamOptions, 'https'> = {}): Promise<Upstream> {
  return startUpstream({ ...options, https: true })
}
