import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { ProxyError } from '../errors/proxy-error.ts'

/**
 * Answers a failed WebSocket handshake on the raw socket (there is no `ServerResponse` for an
 * upgrade), then closes it. The browser's script only sees the socket close, but devtools show the
 * status and the code, which says why. The body is JSON-serialised text: nothing is reflected raw.
 */
export function sendUpgradeError(socket: Duplex, error: ProxyError): void {
  if (socket.writable) {
    const body = `${JSON.stringify({ error: { code: error.code, message: error.message, hint: error.hint } })}\n`
    socket.end(
      `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n` +
        'connection: close\r\n' +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'cache-control: no-store\r\n\r\n' +
        body,
    )
  }
  // Whatever the client sends next is not ours to read; end() lets the answer flush first.
  socket.once('finish', () => socket.destroy())
  if (!socket.writable) socket.destroy()
}
