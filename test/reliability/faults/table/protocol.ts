import { Agent } from 'node:http'
import { expect } from 'vitest'
import type { HttpBehaviour } from '../../src/fault-upstream.ts'
import { httpUpstream } from '../../src/fault-upstream.ts'
import type { HttpOutcome } from '../../src/http-client.ts'
import { send } from '../../src/http-client.ts'
import type { Fault, Observation } from '../fault.ts'
import { defineFault } from '../fault.ts'

/** The representation length the HEAD and 304 answers announce without sending it. */
const LENGTH = 1234
const HINT = '</app.css>; rel=preload; as=style'

/** A request, then another on the same kept-alive client connection. */
interface TwoOnOneConnection {
  readonly first: HttpOutcome
  readonly next: HttpOutcome
}

/**
 * Sends `first` (to `url`), then a GET to `url/again` on the same client connection: what a
 * bodiless answer must leave usable. The agent's socket is destroyed afterwards.
 */
async function twoOnOneConnection(
  url: string,
  first: { method?: string; headers?: Record<string, string> },
): Promise<TwoOnOneConnection> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  try {
    const answer = await send(url, { ...first, agent })
    const next = await send(`${url}/again`, { agent })
    return { first: answer, next }
  } finally {
    agent.destroy()
  }
}

/**
 * Answers `/again` with 200 and `LENGTH` bytes; everything else with `bodiless`. Responses stay
 * keep-alive, so the proxy's pooled upstream connection is reused for the second request too.
 */
const bodilessThenFull =
  (bodiless: HttpBehaviour): HttpBehaviour =>
  (req, res, trace) => {
    if (req.url?.endsWith('/again')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': LENGTH })
      res.end(Buffer.alloc(LENGTH, 'f'))
      return
    }
    bodiless(req, res, trace)
  }

/** The bodiless answer arrived whole and empty, and the same connection then carried a full answer. */
function verifyBodiless(status: number, contentLength: string | undefined) {
  return ({ first, next }: TwoOnOneConnection): Observation => {
    expect(first.ending, first.error).toBe('complete')
    expect(first.status).toBe(status)
    expect(first.body.length).toBe(0)
    expect(first.headers['content-length']).toBe(contentLength)
    expect(next.ending, next.error).toBe('complete')
    expect(next.status).toBe(200)
    expect(next.body.length).toBe(LENGTH)
    expect(next.reusedConnection).toBe(true)
    return {
      observed: `${status} with no body${contentLength === undefined ? '' : ` (content-length ${contentLength} kept)`}; a second request on the same connection: 200 with ${next.body.length} bytes`,
    }
  }
}

/** Answers that are legal but unusual: interim responses, no body, trailers. */
export const PROTOCOL_FAULTS: readonly Fault[] = [
  defineFault({
    id: 'continue',
    name: 'upstream answers 100 Continue',
    expected: 'client (Expect: 100-continue) gets the final 200 with its body echoed',
    upstream: httpUpstream((req, res, trace) => {
      trace.note(req.headers.expect === undefined ? 'upstream:no-expect' : 'upstream:expect')
      // Unasked, as some servers do: RFC 9110 §15.2 has every client parse a 1xx it did not expect.
      res.writeContinue()
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.end(`echo: ${Buffer.concat(chunks).toString('utf8')}`)
      })
    }),
    client: (url) =>
      send(url, {
        method: 'POST',
        headers: { expect: '100-continue', 'content-type': 'text/plain', 'content-length': 15 },
        body: 'after continue!',
      }),
    verify: (outcome, trace) => {
      expect(outcome.ending, outcome.error).toBe('complete')
      expect(outcome.status).toBe(200)
      expect(outcome.body.toString('utf8')).toBe('echo: after continue!')
      const interim = outcome.informational.map((info) => info.status)
      expect(interim).toContain(100)
      return {
        observed: `interim ${interim.join(', ')}, then 200 with the body echoed; Expect ${trace.has('upstream:expect') ? 'forwarded' : 'met by the dev server'}`,
      }
    },
  }),
  defineFault({
    id: 'early-hints',
    name: 'upstream sends 103 Early Hints',
    expected: 'client gets the 103 with its Link header, then the final 200',
    upstream: httpUpstream((_req, res) => {
      res.writeEarlyHints({ link: HINT }, () => {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.end('hinted')
      })
    }),
    client: (url) => send(url),
    verify: (outcome) => {
      expect(outcome.ending, outcome.error).toBe('complete')
      expect(outcome.status).toBe(200)
      expect(outcome.body.toString('utf8')).toBe('hinted')
      const hints = outcome.informational.filter((info) => info.status === 103)
      // RFC 9110 §15.2: a proxy MUST forward 1xx responses it did not ask for itself.
      expect(
        hints.map((hint) => hint.headers.link),
        '103 Early Hints (Link headers) that reached the client',
      ).toEqual([HINT])
      return { observed: `103 with Link forwarded, then 200 "hinted"` }
    },
  }),
  defineFault({
    id: 'head',
    name: 'HEAD (Content-Length without a body)',
    expected: `200 with content-length ${LENGTH} and no body; the connection serves the next request`,
    upstream: httpUpstream(
      bodilessThenFull((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': LENGTH })
        res.end()
      }),
    ),
    client: (url) => twoOnOneConnection(url, { method: 'HEAD' }),
    verify: verifyBodiless(200, String(LENGTH)),
  }),
  defineFault({
    id: 'status-204',
    name: '204 No Content',
    expected: '204 with no body; the connection serves the next request',
    upstream: httpUpstream(
      bodilessThenFull((_req, res) => {
        res.writeHead(204)
        res.end()
      }),
    ),
    client: (url) => twoOnOneConnection(url, {}),
    verify: verifyBodiless(204, undefined),
  }),
  defineFault({
    id: 'status-304',
    name: '304 Not Modified (with the Content-Length of the representation)',
    expected: '304 with no body; the connection serves the next request',
    upstream: httpUpstream(
      bodilessThenFull((_req, res) => {
        // RFC 9110 §8.6: a 304 may carry the Content-Length a 200 would have; no body follows it.
        res.writeHead(304, { etag: '"v1"', 'content-length': LENGTH })
        res.end()
      }),
    ),
    client: (url) => twoOnOneConnection(url, { headers: { 'if-none-match': '"v1"' } }),
    verify: verifyBodiless(304, String(LENGTH)),
  }),
  defineFault({
    id: 'trailers',
    name: 'chunked body with trailers',
    expected: 'client gets the whole body, properly terminated',
    upstream: httpUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', trailer: 'x-checksum' })
      res.write('part 1\n')
      res.write('part 2\n')
      res.addTrailers({ 'x-checksum': 'c0ffee' })
      res.end('part 3\n')
    }),
    client: (url) => send(url),
    verify: (outcome) => {
      expect(outcome.ending, outcome.error).toBe('complete')
      expect(outcome.status).toBe(200)
      expect(outcome.body.toString('utf8')).toBe('part 1\npart 2\npart 3\n')
      const forwarded = outcome.trailers['x-checksum'] === 'c0ffee'
      return {
        observed: `200, whole body, terminated; trailer ${forwarded ? 'forwarded' : 'dropped (RFC 9112 §7.1.2 allows it)'}`,
        figures: { trailerForwarded: forwarded ? 'yes' : 'no' },
      }
    },
  }),
]
