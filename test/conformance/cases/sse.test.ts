import type { IncomingMessage } from 'node:http'
import { request as httpRequest } from 'node:http'
import { expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import type { Gate } from '@sameorigin/test-utils'
import { createGate, echo, request } from '@sameorigin/test-utils'
import { useUpstream } from '../src/use-upstream.ts'
import { warnings, watchAborts } from '../src/watch-aborts.ts'

/** Resolves with the next chunk of `res` as text. */
function nextChunk(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    res.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8')))
    res.once('error', reject)
  })
}

describeHosts('server-sent events arrive as sent', ({ it, serve }) => {
  // The upstream sends the first event, then waits for the test to open the gate before the second.
  let gate: Gate = createGate()
  const sent: string[] = []
  const aborts = watchAborts()
  const upstream = useUpstream({
    handle: (req, res, recorded) => {
      if (req.url === '/api/after') return echo(req, res, recorded)
      aborts.watch(req, res)
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
      res.write('id: 1\ndata: first\n\n')
      sent.push('first')
      void gate.opened.then(() => {
        sent.push('second')
        res.end('id: 2\ndata: second\n\n')
      })
    },
  })
  const app = serve(() => ({
    routes: {
      '/api': upstream.url,
      // A short idle timeout: an event stream is exempt once its head arrived.
      '/quiet': { target: upstream.url, timeout: 200 },
    },
  }))

  /** Opens an event stream like EventSource does and resolves with the response head. */
  async function openStream(path: string): Promise<IncomingMessage> {
    const req = httpRequest(`${app.url}${path}`, {
      agent: false,
      // What EventSource sends; gzip would let a compressing host buffer the stream.
      headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, deflate, br' },
    })
    onTestFinished(() => {
      req.destroy()
    })
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      req.once('response', resolve)
      req.once('error', reject)
    })
    req.end()
    return response
  }

  it('delivers the first event before the upstream sends the second', async () => {
    gate = createGate()
    sent.splice(0)
    const res = await openStream('/api/events')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/event-stream')
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(await nextChunk(res)).toBe('id: 1\ndata: first\n\n')
    // The browser has the first event while the upstream has not yet sent the second.
    expect(sent).toEqual(['first'])
    gate.open()
    expect(await nextChunk(res)).toBe('id: 2\ndata: second\n\n')
    expect(sent).toEqual(['first', 'second'])
  })

  it('keeps an event stream open while it is quiet for longer than the route timeout', async () => {
    gate = createGate()
    sent.splice(0)
    const res = await openStream('/quiet/events')
    const received: string[] = []
    res.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')))
    const ended = new Promise<void>((resolve, reject) => {
      res.once('end', resolve)
      res.once('error', reject)
      res.once('aborted', () => reject(new Error('the stream was cut')))
    })
    // Three times the route's 200 ms timeout of silence, then the second event.
    await new Promise((resolve) => setTimeout(resolve, 600))
    gate.open()
    await ended
    expect(received.join('')).toBe('id: 1\ndata: first\n\nid: 2\ndata: second\n\n')
    expect(app.logs.text()).not.toContain('ERR_UPSTREAM_TIMEOUT')
  })

  // A browser closing an EventSource (or its tab) is the client's doing, never an upstream error.
  it.requires('clientAbort')(
    'aborts the upstream request when the client closes the stream, and logs nothing',
    async () => {
      gate = createGate()
      aborts.aborted.splice(0)
      const res = await openStream('/api/events')
      expect(await nextChunk(res)).toBe('id: 1\ndata: first\n\n')
      res.destroy()
      await aborts.until(1)
      expect(aborts.aborted).toEqual(['/api/events'])
      // Order, not time: a later exchange through the same host has been answered.
      expect((await request(`${app.url}/api/after`)).status).toBe(200)
      expect(warnings(app)).toEqual([])
    },
  )
})
