import type { Socket } from 'node:net'
import { createServer } from 'node:net'
import type { Listening } from './listen.ts'
import { listen } from './listen.ts'
import type { TapRequest } from './parse-http-requests.ts'
import { parseHttpRequests } from './parse-http-requests.ts'

/** One upstream connection as the tap saw it. */
export interface TapConnection {
  readonly id: number
  /** Every byte received on it, in order. */
  readonly bytes: () => Buffer
  /** The complete requests read from those bytes. */
  readonly requests: readonly TapRequest[]
  /** Bytes after the last complete request: empty on an idle connection that was framed right. */
  readonly rest: () => Buffer
  /** Why the strict parser stopped, when the bytes were not HTTP/1.1 a proxy may send. */
  readonly error: () => string | undefined
  readonly closed: () => boolean
}

/** Options for {@link startTap}. */
export interface TapOptions {
  /**
   * The raw bytes answering one complete request (`undefined`: answer nothing, leave it open).
   * @default `200 ok`, `Content-Length: 2`, keep-alive (or `Connection: close` when asked)
   */
  readonly respond?: (request: TapRequest) => string | undefined
}

/** A raw TCP upstream that reads requests with its own strict parser. */
export interface Tap extends Listening {
  readonly connections: readonly TapConnection[]
  /** Every complete request on every connection, in arrival order. */
  readonly requests: readonly TapRequest[]
  /**
   * What is wrong on the wire so far: bytes the strict parser refused, and bytes after the last
   * complete request on a connection that is still open (a body's tail read as the next request).
   */
  readonly problems: () => string[]
  /**
   * {@link problems} once they stop changing: bytes after the last request on an open connection are
   * forgiven when the proxy closes that connection, which may happen just after the client's answer.
   * Polls for up to 2 s (a bound against hangs, not a timing assertion).
   */
  readonly settledProblems: () => Promise<string[]>
  /** Forgets the requests and connections seen so far (open connections are kept, and watched). */
  readonly reset: () => void
}

function defaultAnswer(request: TapRequest): string {
  const close = request.headers.connection?.some((value) => /\bclose\b/i.test(value)) === true
  const head = `HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n${close ? 'connection: close\r\n' : ''}\r\n`
  return request.method === 'HEAD' ? head : `${head}ok`
}

/**
 * Starts a raw TCP "upstream" on 127.0.0.1 port 0. It is not an HTTP server, which would hide
 * framing by reading it the same lenient way as the proxy: it records every byte per connection,
 * parses requests strictly (`parseHttpRequests`), answers each complete one, and reports bytes that
 * do not parse or trail the last complete request.
 */
export async function startTap(options: TapOptions = {}): Promise<Tap> {
  const respond = options.respond ?? defaultAnswer
  const connections: TapConnection[] = []
  const requests: TapRequest[] = []
  let nextId = 1
  const server = createServer((socket: Socket) => {
    const chunks: Buffer[] = []
    const seen: TapRequest[] = []
    let rest: Buffer = Buffer.alloc(0)
    let error: string | undefined
    let closed = false
    connections.push({
      id: nextId++,
      bytes: () => Buffer.concat(chunks),
      requests: seen,
      rest: () => rest,
      error: () => error,
      closed: () => closed,
    })
    socket.on('data', (data: Buffer) => {
      chunks.push(data)
      if (error !== undefined) return
      const parsed = parseHttpRequests(Buffer.concat([rest, data]))
      rest = parsed.rest
      error = parsed.error
      for (const request of parsed.requests) {
        seen.push(request)
        requests.push(request)
        const answer = respond(request)
        if (answer !== undefined) socket.write(answer, 'latin1')
        if (answer !== undefined && /\r\nconnection: close\r\n/i.test(answer)) socket.end()
      }
      if (error !== undefined) socket.destroy()
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      closed = true
    })
  })
  const listening = await listen(server)
  const problems = (): string[] =>
    connections.flatMap((connection) => {
      const error = connection.error()
      if (error !== undefined) return [`connection ${connection.id}: ${error}`]
      const rest = connection.rest()
      if (rest.length === 0 || connection.closed()) return []
      const shown = JSON.stringify(rest.toString('latin1').slice(0, 120))
      return [`connection ${connection.id}: ${rest.length} bytes after the last request: ${shown}`]
    })
  return {
    ...listening,
    connections,
    requests,
    problems,
    settledProblems: async () => {
      for (let tries = 0; tries < 100 && problems().length > 0; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return problems()
    },
    reset: () => {
      requests.splice(0)
      for (let i = connections.length - 1; i >= 0; i--) if (connections[i]?.closed()) connections.splice(i, 1)
    },
  }
}
