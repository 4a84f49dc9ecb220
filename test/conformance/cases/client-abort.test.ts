import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import type { ClientHttp2Session } from 'node:http2'
import { connect } from 'node:http2'
import { echo, request, TEST_CA } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import type { StartedHost } from '../src/types.ts'
import { useUpstream } from '../src/use-upstream.ts'

// A browser closing an event stream (EventSource.close(), a closed tab) is the client's doing: the
// upstream request is aborted, and nothing is logged as an upstream failure, on HTTP/1.1 and HTTP/2.

/**
 * An upstream with an event stream at `/api/events`, a request it never answers at `/api/held`, and
 * the echo elsewhere; it records each request the proxy aborted before its answer ended.
 */
function useAbortableUpstream() {
  const aborted: string[] = []
  const waiting: (() => void)[] = []
  const held: (() => void)[] = []
  const upstream = useUpstream({
    handle: (req, res, recorded) => {
      if (req.url === '/api/events') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        res.write('data: first\n\n')
      } else if (req.url === '/api/held') {
        for (const wake of held.splice(0)) wake()
      } else return echo(req, res, recorded)
      res.once('close', () => {
        if (res.writableFinished) return
        aborted.push(req.url ?? '')
        for (const wake of waiting.splice(0)) wake()
      })
    },
  })
  return {
    upstream,
    aborted,
    /** Resolves once the upstream saw `count` aborted requests. */
    abortedRequests: async (count: number): Promise<void> => {
      while (aborted.length < count) await new Promise<void>((resolve) => waiting.push(resolve))
    },
    /** Resolves once the upstream holds a request to `/api/held`. */
    holding: (): Promise<void> => new Promise((resolve) => held.push(resolve)),
  }
}

/** Order, not time: a later exchange on the same session has been answered. */
async function getAfter(session: ClientHttp2Session): Promise<void> {
  const after = session.request({ ':method': 'GET', ':path': '/api/after' })
  after.resume()
  const [headers] = (await once(after, 'response')) as [Record<string, unknown>]
  await once(after, 'end')
  expect(headers[':status']).toBe(200)
}

/** What the host logged at `warn` or above. */
function warnings(app: StartedHost): string[] {
  return app.logs.lines.filter((line) => line.level !== 'info').map((line) => line.message)
}

describeHosts('a closed event stream is not an upstream error', ({ it, serve }) => {
  const { upstream, aborted, abortedRequests } = useAbortableUpstream()
  const app = serve(() => ({ routes: { '/api': upstream.url } }))

  it('aborts the upstream request and logs nothing (HTTP/1.1)', async () => {
    aborted.splice(0)
    const req = httpRequest(`${app.url}/api/events`, {
      agent: false,
      headers: { accept: 'text/event-stream' },
    })
    req.on('error', () => {})
    onTestFinished(() => void req.destroy())
    req.end()
    const [res] = (await once(req, 'response')) as [IncomingMessage]
    expect(res.statusCode).toBe(200)
    await once(res, 'data')
    req.destroy()
    await abortedRequests(1)
    expect(aborted).toEqual(['/api/events'])
    // Order, not time: a later exchange through the same host has been answered.
    expect((await request(`${app.url}/api/after`)).status).toBe(200)
    expect(warnings(app)).toEqual([])
  })
})

describeHosts(
  'a closed event stream is not an upstream error (HTTP/2)',
  { requires: ['http2'] },
  ({ it, serve }) => {
    const { upstream, aborted, abortedRequests, holding } = useAbortableUpstream()
    const app = serve(() => ({ routes: { '/api': upstream.url } }), { http2: true })

    /** An HTTP/2 session to the host, closed when the test finishes. */
    async function openSession(): Promise<ClientHttp2Session> {
      const session = connect(app.url, { ca: TEST_CA })
      session.on('error', () => {})
      onTestFinished(async () => {
        if (session.destroyed) return
        const closed = once(session, 'close')
        session.close()
        await closed
      })
      await once(session, 'connect')
      return session
    }

    it('aborts the upstream request and logs nothing (HTTP/2)', async () => {
      aborted.splice(0)
      const session = await openSession()
      const stream = session.request({
        ':method': 'GET',
        ':path': '/api/events',
        accept: 'text/event-stream',
      })
      stream.on('error', () => {})
      const [headers] = (await once(stream, 'response')) as [Record<string, unknown>]
      expect(headers[':status']).toBe(200)
      await once(stream, 'data')
      // What a browser does when the page closes its EventSource: RST_STREAM (CANCEL), session kept.
      stream.close(8)
      await abortedRequests(1)
      expect(aborted).toEqual(['/api/events'])
      await getAfter(session)
      expect(warnings(app)).toEqual([])
    })

    it('aborts a request still waiting for its answer and logs nothing (HTTP/2)', async () => {
      aborted.splice(0)
      const session = await openSession()
      const upstreamHolds = holding()
      const stream = session.request({ ':method': 'GET', ':path': '/api/held' })
      stream.on('error', () => {})
      await upstreamHolds
      stream.close(8)
      await abortedRequests(1)
      expect(aborted).toEqual(['/api/held'])
      await getAfter(session)
      expect(warnings(app)).toEqual([])
    })
  },
)
