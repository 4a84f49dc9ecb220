import { once } from 'node:events'
import type {
  ClientHttp2Session,
  IncomingHttpHeaders,
  IncomingHttpStatusHeader,
  OutgoingHttpHeaders,
} from 'node:http2'
import { echo, openHttp2 } from '@sameorigin/test-utils'
import { beforeEach, expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'
import { warnings, watchAborts } from '../src/watch-aborts.ts'

/** What an HTTP/2 client got: the protocol the TLS handshake chose, the status and the body. */
interface Http2Answer {
  readonly protocol: string | undefined
  readonly status: number | undefined
  readonly body: string
}

/**
 * One request over a new HTTP/2 session to `url` (trusting `TEST_CA`), with `body` sent and the
 * stream ended; the session is closed when the test finishes.
 */
async function requestHttp2(url: string, headers: OutgoingHttpHeaders, body?: string): Promise<Http2Answer> {
  const session = await openSession(url)
  const stream = session.request(headers, { endStream: body === undefined })
  if (body !== undefined) stream.end(body)
  const [response] = (await once(stream, 'response')) as [IncomingHttpHeaders & IncomingHttpStatusHeader]
  stream.setEncoding('utf8')
  let text = ''
  for await (const chunk of stream) text += String(chunk)
  return { protocol: session.alpnProtocol, status: response[':status'], body: text }
}

describeHosts('requests over HTTP/2', { requires: ['http2'] }, ({ it, serve }) => {
  // The HTTP version of each request that reached the upstream, beside what the echo records.
  const versions: string[] = []
  const aborts = watchAborts()
  const held: (() => void)[] = []
  const upstream = useUpstream({
    handle: (req, res, recorded) => {
      versions.push(req.httpVersion)
      if (req.url === '/api/events') {
        aborts.watch(req, res)
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        res.write('data: first\n\n')
      } else if (req.url === '/api/held') {
        // Never answered: the client leaves before any head.
        aborts.watch(req, res)
        for (const wake of held.splice(0)) wake()
      } else echo(req, res, recorded)
    },
  })
  beforeEach(() => void versions.splice(0))
  const app = serve(() => ({ routes: { '/api': upstream.url } }), { http2: true })

  it('forwards a GET over HTTP/2 to the upstream as HTTP/1.1', async () => {
    const answer = await requestHttp2(app.url, { ':method': 'GET', ':path': '/api/users?page=2' })
    expect(answer).toMatchObject({ protocol: 'h2', status: 200 })
    expect(JSON.parse(answer.body)).toMatchObject({ method: 'GET', path: '/api/users?page=2' })
    expect(upstream.requests).toHaveLength(1)
    expect(upstream.requests[0]).toMatchObject({ method: 'GET', path: '/api/users?page=2', body: '' })
    expect(versions).toEqual(['1.1'])
    // HTTP/2's pseudo-headers are not HTTP/1.1 headers: none reaches the upstream.
    expect(Object.keys(upstream.requests[0]?.headers ?? {}).filter((name) => name.startsWith(':'))).toEqual(
      [],
    )
  })

  it('forwards a POST body with its content-length', async () => {
    const body = JSON.stringify({ name: 'Ada', languages: ['en', 'fr'] })
    const answer = await requestHttp2(
      app.url,
      {
        ':method': 'POST',
        ':path': '/api/users',
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
      body,
    )
    expect(answer).toMatchObject({ protocol: 'h2', status: 200 })
    expect(JSON.parse(answer.body)).toMatchObject({ method: 'POST', path: '/api/users', body })
    expect(upstream.requests).toHaveLength(1)
    expect(upstream.requests[0]).toMatchObject({ method: 'POST', path: '/api/users', body })
    expect(upstream.requests[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)))
    expect(versions).toEqual(['1.1'])
  })

  // A browser closing an event stream sends RST_STREAM (CANCEL) and keeps the session: the client's
  // doing, never an upstream error (it was logged as 502 ERR_UPSTREAM_RESET over HTTP/2 only).
  it('aborts the upstream request when the client resets an event stream, and logs nothing', async () => {
    aborts.aborted.splice(0)
    const session = await openSession(app.url)
    const stream = session.request({ ':method': 'GET', ':path': '/api/events', accept: 'text/event-stream' })
    stream.on('error', () => {})
    const [headers] = (await once(stream, 'response')) as [IncomingHttpHeaders & IncomingHttpStatusHeader]
    expect(headers[':status']).toBe(200)
    await once(stream, 'data')
    stream.close(8)
    await aborts.until(1)
    expect(aborts.aborted).toEqual(['/api/events'])
    await expectAnswered(session)
    expect(warnings(app)).toEqual([])
  })

  it('aborts the upstream request when the client resets a request still waiting, and logs nothing', async () => {
    aborts.aborted.splice(0)
    const session = await openSession(app.url)
    const holding = new Promise<void>((resolve) => held.push(resolve))
    const stream = session.request({ ':method': 'GET', ':path': '/api/held' })
    stream.on('error', () => {})
    await holding
    stream.close(8)
    await aborts.until(1)
    expect(aborts.aborted).toEqual(['/api/held'])
    await expectAnswered(session)
    expect(warnings(app)).toEqual([])
  })
})

/** An HTTP/2 session to `url` (trusting `TEST_CA`), closed when the test finishes. */
async function openSession(url: string): Promise<ClientHttp2Session> {
  const session = await openHttp2(url)
  onTestFinished(async () => {
    if (session.destroyed) return
    const closed = once(session, 'close')
    session.close()
    await closed
  })
  return session
}

/** Order, not time: a later exchange on the same session is answered 200. */
async function expectAnswered(session: ClientHttp2Session): Promise<void> {
  const after = session.request({ ':method': 'GET', ':path': '/api/after' })
  after.resume()
  const [headers] = (await once(after, 'response')) as [IncomingHttpHeaders & IncomingHttpStatusHeader]
  await once(after, 'end')
  expect(headers[':status']).toBe(200)
}
