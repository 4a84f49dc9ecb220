// Every request body is framed upstream, whatever the method. Node writes a body that no
// Content-Length or Transfer-Encoding announces raw for GET, HEAD, DELETE, OPTIONS and TRACE, and a
// backend then reads it as the next request on a pooled connection (request smuggling). The upstream
// here is a raw TCP tap with its own strict parser, not an HTTP server that would read the bytes as
// leniently as the proxy wrote them: for each method and client framing it must see exactly one
// request, carrying the client's body bytes, and nothing after it on that connection.
import { request, sendRaw } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import type { Capability } from '../src/types.ts'
import { BODY, describeRequests, PAYLOADS, useTap } from '../src/use-tap.ts'

/** How the client delimits its body on the HTTP/1.1 connection to the dev server. */
const FRAMINGS = {
  'no body': { fields: [], body: '', sent: '' },
  'Content-Length: 0': { fields: ['Content-Length: 0'], body: '', sent: '' },
  'Content-Length': { fields: [`Content-Length: ${BODY.length}`], body: BODY, sent: BODY },
  chunked: {
    fields: ['Transfer-Encoding: chunked'],
    body: `5\r\n${BODY.slice(0, 5)}\r\n${(BODY.length - 5).toString(16)}\r\n${BODY.slice(5)}\r\n0\r\n\r\n`,
    sent: BODY,
  },
} as const
type Framing = keyof typeof FRAMINGS

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
type Method = (typeof METHODS)[number]

/** The refusal a method with this framing gets, with the capability that promises it, if any. */
function refusal(
  method: Method,
  framing: Framing,
): { status: 400 | 405; capability: Capability } | undefined {
  if (method === 'TRACE') return { status: 405, capability: 'traceRefusal' }
  const hasBody = FRAMINGS[framing].sent !== ''
  if (hasBody && (method === 'GET' || method === 'HEAD')) return { status: 400, capability: 'bodyRefusals' }
  return undefined
}

/** Sends `method` with `framing` to the host and resolves with the status line's first 12 bytes. */
async function send(port: number, method: Method, framing: Framing): Promise<string> {
  const { fields, body } = FRAMINGS[framing]
  const head = [
    `${method} /api/framing?q=1 HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    ...fields,
    'Connection: close',
  ]
  const answer = await sendRaw(port, `${head.join('\r\n')}\r\n\r\n${body}`)
  return answer.slice(0, 12)
}

describeHosts('request bodies framed upstream, every method', ({ it, host, serve }) => {
  const tap = useTap()
  const app = serve(() => ({ routes: { '/api': `${tap.url}/v1` } }))

  /** The upstream read exactly one request: this method, the mapped target, the client's bytes. */
  const expectForwarded = (method: Method, framing: Framing): void => {
    expect(tap.requests).toHaveLength(1)
    const seen = tap.requests[0]
    expect(seen?.method).toBe(method)
    expect(seen?.target).toBe('/v1/framing?q=1')
    expect(seen?.body.toString('latin1')).toBe(FRAMINGS[framing].sent)
    // No body is announced as none (GET, HEAD) or `Content-Length: 0`, never as an empty chunked body.
    if (FRAMINGS[framing].sent === '') expect(seen?.framing).not.toBe('chunked')
  }

  for (const method of METHODS) {
    for (const framing of Object.keys(FRAMINGS) as Framing[]) {
      const refused = refusal(method, framing)
      if (refused === undefined) {
        it(`${method} with ${framing}: forwards it framed`, async () => {
          expect(await send(app.port, method, framing)).toBe('HTTP/1.1 200')
          // The host has answered: whatever the proxy wrote upstream for this request is on the tap.
          expect(tap.problems()).toEqual([])
          expectForwarded(method, framing)
        })
        continue
      }
      it.requires(refused.capability)(`${method} with ${framing}: refuses ${refused.status}`, async () => {
        expect(await send(app.port, method, framing)).toBe(`HTTP/1.1 ${refused.status}`)
        expect(tap.problems()).toEqual([])
        expect(tap.requests).toEqual([])
      })
      // Where the host answers or forwards it itself, the body must still never become a request.
      if (!host.supports(refused.capability)) {
        it(`${method} with ${framing}: the host's own answer smuggles nothing`, async () => {
          const status = await send(app.port, method, framing)
          expect(tap.problems()).toEqual([])
          if (status === 'HTTP/1.1 200') expectForwarded(method, framing)
          else expect(tap.requests).toEqual([])
        })
      }
    }
  }

  for (const [attack, payload] of Object.entries(PAYLOADS)) {
    it(`a chunked DELETE body holding ${attack} stays a body; the next client gets its own answer`, async () => {
      const chunked = `${payload.length.toString(16)}\r\n${payload}\r\n0\r\n\r\n`
      const hostField = `Host: 127.0.0.1:${app.port}`
      await sendRaw(
        app.port,
        `DELETE /api/a HTTP/1.1\r\n${hostField}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunked}`,
      )
      const victim = await request(`${app.url}/api/victim`, { headers: { cookie: 'session=victim' } })
      expect([victim.status, victim.body]).toEqual([200, 'ok'])
      expect(tap.problems()).toEqual([])
      expect(describeRequests(tap)).toEqual([`DELETE /v1/a ${payload}`, 'GET /v1/victim session=victim'])
    })
  }
})
