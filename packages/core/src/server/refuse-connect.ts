import type { IncomingMessage } from 'node:http'
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2'
import type { Duplex } from 'node:stream'
import { FORWARDED_METHODS } from '../rewrite/parse-request-body.ts'

const BODY = 'CONNECT is not supported: sameorigin forwards routes, it opens no tunnels.\n'
const HEADERS = {
  allow: FORWARDED_METHODS,
  'content-type': 'text/plain; charset=utf-8',
  'content-length': String(Buffer.byteLength(BODY)),
  'x-content-type-options': 'nosniff',
} as const

/**
 * The server's `connect` listener: `405` with `Allow` and a short body, no backend reached. Over
 * HTTP/1.1 Node hands over the raw socket (the answer is written and the connection closed, since
 * what follows a CONNECT is not HTTP); over HTTP/2 the compatibility request and response.
 */
export function refuseConnect(
  _req: IncomingMessage | Http2ServerRequest,
  socketOrResponse: Duplex | Http2ServerResponse,
): void {
  if ('writeHead' in socketOrResponse) {
    socketOrResponse.writeHead(405, HEADERS)
    socketOrResponse.end(BODY)
    return
  }
  const head = Object.entries({ ...HEADERS, connection: 'close' }).map(([name, value]) => `${name}: ${value}`)
  const socket = socketOrResponse
  socket.on('error', () => socket.destroy())
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${head.join('\r\n')}\r\n\r\n${BODY}`)
}
