// CONNECT (RFC 9110 §9.3.6) asks the server to open a tunnel to the authority it names: a dev server
// that did would be an open proxy into the developer's network. sameorigin forwards routes and opens
// no tunnels. Node hands CONNECT to the server's `connect` event, never to the request handler, and
// drops the socket when nobody listens; so the stand-alone server and every adapter add the core's
// `refuseConnect` to the host's server: 405 with `Allow` and a short body, and no backend reached.
// The invariants hold on every host (nothing reaches any backend, the server keeps serving); the
// answer itself needs `connectRefusal`, which hosts whose server is not ours declare as a gap.
import { once } from 'node:events'
import { connect as connectTcp } from 'node:net'
import type { Socket } from 'node:net'
import { connect as connectTls } from 'node:tls'
import { openHttp2, request, TEST_CA } from '@sameorigin/test-utils'
import type { Upstream } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

/** Only stops a hang (a socket neither answered nor closed); the assertions then say what went wrong. */
const HANG_BOUND_MS = 8000

const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'
const BODY = 'CONNECT is not supported: sameorigin forwards routes, it opens no tunnels.\n'

/** What a raw CONNECT got: every byte until the server closed the connection, and whether it did. */
interface RawAnswer {
  readonly text: string
  readonly closed: boolean
}

/** Writes a CONNECT for `authority` on a fresh connection (TLS with `tls`) and reads until it closes. */
async function sendConnect(port: number, authority: string, tls = false): Promise<RawAnswer> {
  const socket: Socket = tls
    ? connectTls({
        port,
        host: '127.0.0.1',
        ca: TEST_CA,
        servername: 'localhost',
        ALPNProtocols: ['http/1.1'],
      })
    : connectTcp({ port, host: '127.0.0.1' })
  onTestFinished(() => void socket.destroy())
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.on('error', () => {}) // a reset is a close as well: what arrived before it is the answer
  await once(socket, tls ? 'secureConnect' : 'connect')
  socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`)
  const closed = await Promise.race([
    once(socket, 'close').then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), HANG_BOUND_MS).unref()),
  ])
  return { text: Buffer.concat(chunks).toString('latin1'), closed }
}

/** The authority a CONNECT would tunnel to: a backend's `host:port`. */
const authorityOf = (upstream: Upstream): string => `127.0.0.1:${upstream.port}`

describeHosts('CONNECT refused', ({ it, serve }) => {
  const upstream = useUpstream()
  // A backend no route names: the one an open proxy would be asked to reach.
  const elsewhere = useUpstream()
  const app = serve(() => ({ routes: { '/api': upstream.url } }))

  it('opens no tunnel: no backend sees a connection, and the server keeps serving', async () => {
    const before = { upstream: upstream.connections, elsewhere: elsewhere.connections }
    for (const target of [elsewhere, upstream]) {
      const answer = await sendConnect(app.port, authorityOf(target))
      // Whatever the answer, never a tunnel: no `2xx` that would hand the socket over.
      expect(answer.text).not.toMatch(/^HTTP\/1\.[01] 2\d\d /)
    }
    expect(upstream.connections - before.upstream).toBe(0)
    expect(elsewhere.connections - before.elsewhere).toBe(0)
    expect(upstream.requests).toEqual([])

    const after = await request(`${app.url}/api/after`)
    expect(after.status).toBe(200)
    expect(upstream.requests.map((req) => req.path)).toEqual(['/api/after'])
    expect(elsewhere.connections - before.elsewhere).toBe(0)
  })

  it.requires('connectRefusal')('answers 405 with Allow and a body, then closes the connection', async () => {
    const answer = await sendConnect(app.port, authorityOf(elsewhere))
    expect(answer.closed).toBe(true)
    expect(answer.text).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(answer.text.toLowerCase()).toContain(`\r\nallow: ${ALLOW.toLowerCase()}\r\n`)
    expect(answer.text.endsWith(`\r\n\r\n${BODY}`)).toBe(true)
    expect(elsewhere.connections).toBe(0)
  })
})

describeHosts('CONNECT refused over HTTP/2', { requires: ['http2', 'connectRefusal'] }, ({ it, serve }) => {
  const upstream = useUpstream()
  const elsewhere = useUpstream()
  const app = serve(() => ({ routes: { '/api': upstream.url } }), { http2: true })

  it('answers an HTTP/2 CONNECT stream 405 with Allow and a body', async () => {
    const session = await openHttp2(app.url)
    onTestFinished(() => void session.close())
    const stream = session.request(
      { ':method': 'CONNECT', ':authority': authorityOf(elsewhere) },
      { endStream: true },
    )
    const [headers] = (await once(stream, 'response')) as [Record<string, unknown>]
    stream.setEncoding('utf8')
    let body = ''
    for await (const chunk of stream) body += String(chunk)
    expect(headers[':status']).toBe(405)
    expect(headers.allow).toBe(ALLOW)
    expect(body).toBe(BODY)
    expect(upstream.connections + elsewhere.connections).toBe(0)
  })

  it('answers an HTTP/1.1 CONNECT over TLS 405 with a body', async () => {
    const answer = await sendConnect(app.port, authorityOf(elsewhere), true)
    expect(answer.closed).toBe(true)
    expect(answer.text).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(answer.text.endsWith(`\r\n\r\n${BODY}`)).toBe(true)
    expect(upstream.connections + elsewhere.connections).toBe(0)
  })
})
