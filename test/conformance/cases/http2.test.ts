import { once } from 'node:events'
import type { IncomingHttpHeaders, IncomingHttpStatusHeader, OutgoingHttpHeaders } from 'node:http2'
import { connect } from 'node:http2'
import { echo, TEST_CA } from '@sameorigin/test-utils'
import { beforeEach, expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

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
  const session = connect(url, { ca: TEST_CA })
  onTestFinished(async () => {
    if (session.destroyed) return
    const closed = once(session, 'close')
    session.close()
    await closed
  })
  await once(session, 'connect')
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
  const upstream = useUpstream({
    handle: (req, res, recorded) => {
      versions.push(req.httpVersion)
      echo(req, res, recorded)
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
})
