// Request framing, as a property over real exchanges: whatever the method, however the client
// delimits its body (HTTP/1.1 Content-Length or chunked, HTTP/2 DATA frames with or without
// content-length) and however the bytes are split, the bytes the proxy writes to the upstream socket
// parse, by a strict parser of the test's own (`startTap`), as exactly one request whose body equals
// what the client sent, with nothing after it; or the request is refused (GET or HEAD declaring a
// body: 400) and the upstream reads nothing. Unlike the other fuzz files this one runs real servers
// (over HTTP/1.1 and HTTP/2), since framing only exists on the wire: the core server (the Node
// transport) and the Fetch transport served by srvx. A Web `Request` cannot carry a GET or HEAD body,
// so on the Fetch host a GET or HEAD whose DATA frames no header declares reaches the proxy bodiless
// (srvx leaves the frames unread) and is forwarded without them: the upstream reads the bare request.
import { once } from 'node:events'
import type { ClientHttp2Session } from 'node:http2'
import { connect } from 'node:net'
import type { Tap } from '@sameorigin/test-utils'
import { startTap } from '@sameorigin/test-utils'
import * as fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkAsyncProperty, HELD } from '../src/check-property.ts'
import type { DevServer, HostName } from '../src/dev-servers.ts'
import { startDevServer } from '../src/dev-servers.ts'
import { exchangeHttp2, openHttp2 } from '@sameorigin/test-utils'

const FRAMINGS = ['content-length', 'chunked', 'h2 content-length', 'h2 DATA only'] as const
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/** Body pieces: bytes that look like HTTP as often as arbitrary ones. */
const piece = fc.oneof(
  fc.uint8Array({ maxLength: 48 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom('\r\n', '0\r\n\r\n', 'GET /secret HTTP/1.1\r\nHost: x\r\n\r\n', 'Content-Length: 99\r\n'),
)
const exchange = fc.record({
  method: fc.constantFrom(...METHODS),
  framing: fc.constantFrom(...FRAMINGS),
  pieces: fc.array(piece, { maxLength: 5 }),
})
type Exchange = typeof exchange extends fc.Arbitrary<infer T> ? T : never

/** Sends raw HTTP/1.1 bytes, one write per piece, and resolves with the status of the answer. */
async function sendHttp1(port: number, head: string, pieces: readonly string[]): Promise<number> {
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.write(head, 'latin1')
  for (const part of pieces) socket.write(part, 'latin1')
  await once(socket, 'close')
  return Number(Buffer.concat(chunks).toString('latin1').slice(9, 12))
}

/** The client's request for one generated exchange; resolves with the status it got (0: reset). */
async function send(http1: DevServer, session: ClientHttp2Session, input: Exchange): Promise<number> {
  const { method, framing, pieces } = input
  const body = pieces.join('')
  const path = '/v1/x'
  if (framing === 'content-length' || framing === 'chunked') {
    const fields =
      framing === 'chunked'
        ? 'Transfer-Encoding: chunked'
        : `Content-Length: ${Buffer.byteLength(body, 'latin1')}`
    const head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${http1.port}\r\n${fields}\r\nConnection: close\r\n\r\n`
    const frames =
      framing === 'chunked'
        ? [
            ...pieces
              .filter((part) => part !== '')
              .map((part) => `${part.length.toString(16)}\r\n${part}\r\n`),
            '0\r\n\r\n',
          ]
        : pieces
    return sendHttp1(http1.port, head, frames)
  }
  const headers =
    framing === 'h2 content-length' ? { 'content-length': String(Buffer.byteLength(body, 'latin1')) } : {}
  const answer = await exchangeHttp2(session, { method, path, headers, data: pieces })
  return 'status' in answer ? answer.status : 0
}

/** Whether the request declares a body: how the proxy must refuse a GET or HEAD. */
function declaresBody({ framing, pieces }: Exchange): boolean {
  const length = pieces.join('').length
  if (framing === 'chunked') return true
  if (framing === 'h2 DATA only') return pieces.length > 0
  return length > 0
}

/** A GET or HEAD body only DATA frames carry, which a Fetch host never hands the proxy. */
function unseenOn(host: HostName, { method, framing }: Exchange): boolean {
  return host === 'fetch-transport' && (method === 'GET' || method === 'HEAD') && framing === 'h2 DATA only'
}

const HOSTS = [
  { host: 'core-server', module: 'core engine' },
  { host: 'fetch-transport', module: 'core Fetch transport' },
] as const satisfies readonly { host: HostName; module: string }[]

describe.each(HOSTS)(
  'request framing over real exchanges ($host, HTTP/1.1 and HTTP/2)',
  ({ host, module }) => {
    let tap: Tap
    let http1: DevServer
    let http2: DevServer
    let session: ClientHttp2Session
    beforeAll(async () => {
      tap = await startTap()
      const routes = { routes: { '/v1': `${tap.url}/base` } }
      http1 = await startDevServer(host, routes)
      http2 = await startDevServer(host, routes, { http2: true })
      session = await openHttp2(http2.url)
    })
    afterAll(async () => {
      session?.close()
      await http1?.close()
      await http2?.close()
      await tap?.close()
    })

    it('the upstream reads exactly the client request and body, or nothing when it is refused', async () => {
      const tally = { forwarded: 0, refused: 0 }
      const property = fc.asyncProperty(exchange, async (input) => {
        tap.reset()
        const status = await send(http1, session, input)
        const unseen = unseenOn(host, input)
        const refused = (input.method === 'GET' || input.method === 'HEAD') && declaresBody(input) && !unseen
        tally[refused ? 'refused' : 'forwarded']++
        const seen = tap.requests.map(
          (request) => `${request.method} ${request.target} ${request.body.toString('latin1')}`,
        )
        expect({ status, seen, problems: tap.problems() }).toEqual({
          status: refused ? 400 : 200,
          seen: refused ? [] : [`${input.method} /base/x ${unseen ? '' : input.pieces.join('')}`],
          problems: [],
        })
      })
      const verdict = await checkAsyncProperty(
        {
          module: `${module} (${host}, HTTP/1.1 and HTTP/2)`,
          title: 'every request body is framed upstream as the client sent it',
        },
        property,
        { parameters: { numRuns: 1000 }, tally },
      )
      expect(verdict).toBe(HELD)
      expect(tally.forwarded).toBeGreaterThan(300)
      expect(tally.refused).toBeGreaterThan(30)
    })
  },
)
