// Backends of the report tests: one that sends no CORS headers at all (its websocket handshakes are
// refused), and paths that send them. Every request is recorded, preflights included.
import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { listen } from '@sameorigin/test-utils'

export interface RecordedCall {
  readonly method: string
  readonly url: string
}

export interface Backend {
  readonly url: string
  /** Every request received, in order (preflights included; websocket handshakes as `GET`). */
  readonly requests: RecordedCall[]
  close(): Promise<void>
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, PUT, DELETE',
    'access-control-allow-headers': 'content-type, x-token',
    vary: 'Origin',
  }
}

/**
 * `/cors/...`: CORS headers on every answer. `/preflight-only/...`: a preflight that passes, then an
 * answer without them. Anything else: no CORS headers. `/events` answers an event stream.
 */
export async function startBackend(): Promise<Backend> {
  const requests: RecordedCall[] = []
  const server = createServer((request, response) => {
    const url = request.url ?? '/'
    requests.push({ method: request.method ?? '', url })
    const cors =
      url.startsWith('/cors/') || (url.startsWith('/preflight-only/') && request.method === 'OPTIONS')
    const headers = cors ? corsHeaders(request) : {}
    if (request.method === 'OPTIONS') return response.writeHead(204, headers).end()
    if (url.endsWith('/events'))
      return response.writeHead(200, { ...headers, 'content-type': 'text/event-stream' }).end('data: hi\n\n')
    response.writeHead(200, { ...headers, 'content-type': 'application/json' }).end('{"ok":true}')
  })
  server.on('upgrade', (request, socket) => {
    requests.push({ method: 'GET', url: request.url ?? '/' })
    socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
  })
  const listening = await listen(server)
  return { url: listening.url, requests, close: listening.close }
}
