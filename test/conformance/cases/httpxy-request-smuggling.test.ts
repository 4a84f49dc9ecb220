// Request smuggling through an unframed body (GHSA-ggv3-7p47-pfv8, reproduced through Next.js
// rewrites; httpxy's fix is what these cases test). A client sends `DELETE` or `OPTIONS` with
// `Transfer-Encoding: chunked` and a single chunk whose content is a whole second request,
// `GET /secret`. The dev server parses that correctly: one request with a body. But if the proxy drops the
// `Transfer-Encoding` (it is hop-by-hop, and `Connection: Transfer-Encoding` even names it) and
// forwards the decoded bytes without any framing (Node sends no chunked encoding by default for
// DELETE and OPTIONS), or keeps the upstream connection alive after a chunked body a lenient
// backend does not decode, the backend ends the first request at its head and reads the body as a
// pipelined second request: `GET /secret` runs without any route check ever seeing it. The defence
// is to frame every forwarded body (Content-Length, or `Transfer-Encoding: chunked` with
// `Connection: close`), so a backend that gets framing wrong still handles one request per
// connection and discards the rest.
//
// A port of httpxy's test/request-smuggling.test.ts (unjs/httpxy), itself ported from
// vercel/next.js test/production/rewrite-request-smuggling. The same five cases and assertions, run
// against every host: instead of httpxy's createProxyServer aimed at the upstream, the host's route
// `/api` forwards to the upstream under `/v1`, so `DELETE /api/rewrites/poc` must arrive as
// `DELETE /v1/rewrites/poc`. None of the five sends a GET, HEAD or TRACE with a body, so none needs
// our own decision (400/405, nothing forwarded) in place of httpxy's. httpxy's licence:
//
// MIT License
//
// Copyright (c) Pooya Parsa <pooya@pi0.io>
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
// SOFTWARE.
import { once } from 'node:events'
import type { Socket } from 'node:net'
import { connect, createServer } from 'node:net'
import type { Listening } from '@sameorigin/test-utils'
import { listen } from '@sameorigin/test-utils'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { late } from '../src/late.ts'

const SMUGGLED_MARKER = 'GET /secret HTTP/1.1'

/**
 * Only stops a hang (an exchange that never settles); the assertions then say what went wrong. Not a
 * timing assertion: every exchange here settles on an event (a whole response, a closed connection).
 */
const HANG_BOUND_MS = 8000

/** The lenient upstream of one describe block, and what the current test made arrive at it. */
interface LenientUpstream {
  readonly port: number
  /** `METHOD /path` of each request the upstream executed, the smuggled one included. */
  readonly recorded: string[]
  /** The `Connection` header of the first request on each connection (`''` without one). */
  readonly forwardedConnection: string[]
  /** Resolves once every connection the upstream accepted so far has closed. */
  readonly allClosed: () => Promise<void>
}

/**
 * A deliberately lenient upstream that models a desync-prone server: it reads the first request's
 * head, then, only if the request was NOT close-delimited, scans the remaining bytes on the same
 * connection for a pipelined request line (ignoring any framing). This is the amplifier the fix
 * removes: with `Connection: close` the upstream stops after one request and the smuggled bytes are
 * discarded; with keep-alive it "executes" the smuggled request.
 */
function useLenientUpstream(): LenientUpstream {
  const recorded: string[] = []
  const forwardedConnection: string[] = []
  const sockets = new Set<Socket>()
  const running = late<Listening>('the lenient upstream')
  let listening: Listening | undefined

  const server = createServer((socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    let buffer = ''
    let firstHandled = false
    let smuggledSeen = false
    let closed = false

    socket.on('error', () => {})
    socket.on('data', (chunk: Buffer) => {
      // Honoring close: one request per connection, every byte after it discarded.
      if (closed) return
      buffer += chunk.toString('latin1')

      if (!firstHandled) {
        const headEnd = buffer.indexOf('\r\n\r\n')
        if (headEnd === -1) return
        firstHandled = true

        const [requestLine = '', ...fields] = buffer.slice(0, headEnd).split('\r\n')
        const [method, path] = requestLine.split(' ')
        recorded.push(`${method} ${path}`)

        let connection = ''
        for (const field of fields) {
          const colon = field.indexOf(':')
          if (colon !== -1 && field.slice(0, colon).trim().toLowerCase() === 'connection') {
            connection = field
              .slice(colon + 1)
              .trim()
              .toLowerCase()
          }
        }
        forwardedConnection.push(connection)

        const closeDelimited = connection.includes('close')
        socket.write(
          `HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: ${
            closeDelimited ? 'close' : 'keep-alive'
          }\r\n\r\nrewrite-ok`,
        )
        if (closeDelimited) {
          closed = true
          socket.end()
          return
        }
      }

      // Keep-alive desync model: treat leftover bytes as pipelined requests.
      if (!smuggledSeen && buffer.includes(SMUGGLED_MARKER)) {
        smuggledSeen = true
        recorded.push('GET /secret')
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret')
        socket.end()
      }
    })
  })

  beforeAll(async () => {
    listening = await listen(server)
    running.set(listening)
  })
  beforeEach(() => {
    recorded.length = 0
    forwardedConnection.length = 0
  })
  afterAll(async () => {
    await listening?.close()
    running.set(undefined)
  })

  return {
    get port() {
      return running.value.port
    },
    recorded,
    forwardedConnection,
    allClosed: async () => {
      await Promise.all([...sockets].map((socket) => (socket.destroyed ? undefined : once(socket, 'close'))))
    },
  }
}

/**
 * Whether `text` holds one whole response (1xx heads skipped; a body framed by Content-Length or
 * chunked encoding). A response delimited by closing the connection is whole when it closes.
 */
function isWholeResponse(text: string): boolean {
  let offset = 0
  for (;;) {
    const headEnd = text.indexOf('\r\n\r\n', offset)
    if (headEnd === -1) return false
    const head = text.slice(offset, headEnd).toLowerCase()
    const status = Number(/^http\/1\.[01] (\d{3})/.exec(head)?.[1])
    offset = headEnd + 4
    if (status >= 100 && status < 200) continue
    const length = /\r\ncontent-length: *(\d+)/.exec(head)
    if (length !== null) return text.length - offset >= Number(length[1])
    if (/\r\ntransfer-encoding: *chunked/.test(head))
      return /(?:^|\r\n)0\r\n(?:[^\r\n]+\r\n)*\r\n$/.test(text.slice(offset))
    return false
  }
}

/**
 * Sends a raw smuggling payload over node:net, byte for byte as httpxy's test does (node:http would
 * choose the chunk framing and header order itself): a chunked `method path` request carrying a
 * hidden `GET /secret` request inside its single chunk. Resolves once the host answered it in full
 * or closed the connection.
 */
function sendSmugglingPayload({
  port,
  connectionHeader,
  method,
  path,
  bound,
}: {
  port: number
  connectionHeader: string
  method: 'DELETE' | 'OPTIONS'
  path: string
  bound: Promise<void>
}): Promise<void> {
  const smuggledRequest = Buffer.from(`${SMUGGLED_MARKER}\r\nHost: 127.0.0.1:${port}\r\n\r\n`, 'latin1')
  const chunkSize = Buffer.from(`${smuggledRequest.length.toString(16).toUpperCase()}\r\n`, 'latin1')

  const payload = Buffer.concat([
    Buffer.from(
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\nConnection: ${connectionHeader}\r\n\r\n`,
      'latin1',
    ),
    chunkSize,
    smuggledRequest,
    Buffer.from('\r\n0\r\n\r\n', 'latin1'),
  ])

  const socket = connect(port, '127.0.0.1', () => socket.write(payload))
  const answered = new Promise<void>((resolve) => {
    let text = ''
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1')
      if (isWholeResponse(text)) resolve()
    })
    socket.on('error', () => resolve())
    socket.on('close', () => resolve())
  })
  return Promise.race([answered, bound]).finally(() => socket.destroy())
}

const SCENARIOS: ReadonlyArray<{
  name: string
  connectionHeader: string
  method?: 'DELETE' | 'OPTIONS'
  rewritePath?: string
}> = [
  { name: 'keep-alive only', connectionHeader: 'keep-alive' },
  { name: 'keep-alive, upgrade', connectionHeader: 'keep-alive, upgrade' },
  { name: 'Transfer-Encoding, upgrade', connectionHeader: 'Transfer-Encoding, upgrade' },
  {
    name: 'OPTIONS with Transfer-Encoding, upgrade',
    connectionHeader: 'Transfer-Encoding, upgrade',
    method: 'OPTIONS',
  },
  {
    name: 'lenient upstream path (non-rfc-strip)',
    connectionHeader: 'keep-alive, upgrade',
    method: 'OPTIONS',
    rewritePath: '/rewrites/non-rfc-strip',
  },
]

describeHosts('no request smuggling through a chunked body', ({ it, serve }) => {
  const upstream = useLenientUpstream()
  const app = serve(() => ({ routes: { '/api': `http://127.0.0.1:${upstream.port}/v1` } }))

  for (const scenario of SCENARIOS) {
    it.requires('chunkedBodyClose')(`does not smuggle a second request with ${scenario.name}`, async () => {
      const method = scenario.method ?? 'DELETE'
      const rewritePath = scenario.rewritePath ?? '/rewrites/poc'
      let timer: ReturnType<typeof setTimeout> | undefined
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, HANG_BOUND_MS)
      })

      try {
        await sendSmugglingPayload({
          port: app.port,
          connectionHeader: scenario.connectionHeader,
          method,
          path: `/api${rewritePath}`,
          bound,
        })
        // Every byte the host will forward for this request has arrived once the upstream's
        // connections are closed: both the close-delimited and the smuggled answer end them.
        await Promise.race([upstream.allClosed(), bound])
      } finally {
        clearTimeout(timer)
      }

      // The legitimate request reaches the upstream...
      expect(upstream.recorded).toContain(`${method} /v1${rewritePath}`)
      // ...but the smuggled request never does.
      expect(upstream.recorded).not.toContain('GET /secret')
      // ...because the chunked request was forced to close the upstream socket.
      expect(upstream.forwardedConnection[0]).toContain('close')
    })
  }
})
