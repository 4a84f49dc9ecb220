// Request bodies over HTTP/2, framed for the HTTP/1.1 upstream: DATA frames delimit an HTTP/2 body
// and `content-length` is only advice, which may lie. A body without a length goes upstream chunked;
// one that contradicts its content-length is reset by HTTP/2 and must never reach the backend as a
// complete request; a smuggling body stays a body. The upstream is the raw TCP tap (src/use-tap.ts).
import type { Http2Answer, Http2Send } from '@sameorigin/test-utils'
import { exchangeHttp2, openHttp2 } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import type { Capability } from '../src/types.ts'
import { BODY, describeRequests, PAYLOADS, useTap } from '../src/use-tap.ts'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const

/** HTTP/2 bodies: DATA frames delimit them, `content-length` is only advice (possibly false). */
const H2_FRAMINGS = {
  'DATA frames, no content-length': { headers: {}, data: [BODY.slice(0, 5), BODY.slice(5)], valid: true },
  'a content-length shorter than the DATA': {
    headers: { 'content-length': '5' },
    data: [BODY],
    valid: false,
  },
  'a content-length longer than the DATA': {
    headers: { 'content-length': '99' },
    data: [BODY],
    valid: false,
  },
} as const satisfies Record<string, Pick<Http2Send, 'headers' | 'data'> & { valid: boolean }>
type H2Framing = keyof typeof H2_FRAMINGS

const statusOf = (answer: Http2Answer): number | 'reset' => ('status' in answer ? answer.status : 'reset')

describeHosts('request bodies framed upstream over HTTP/2', { requires: ['http2'] }, (block) => {
  const { it, host, serve } = block
  const tap = useTap()
  const app = serve(() => ({ routes: { '/api': `${tap.url}/v1` } }), { http2: true })

  for (const method of METHODS) {
    for (const framing of Object.keys(H2_FRAMINGS) as H2Framing[]) {
      const { headers, data, valid } = H2_FRAMINGS[framing]
      const refused = method === 'TRACE' ? 405 : method === 'GET' || method === 'HEAD' ? 400 : undefined
      const outcome =
        refused !== undefined ? `refuses ${refused}` : valid ? 'forwards it chunked' : 'forwards no request'
      // A GET or HEAD body that no header announces: a host that cannot see it declares so.
      const needs: Capability[] = refused === 400 && valid ? ['undeclaredBodyRefusals'] : []
      it.requires(...needs)(`${method} with ${framing}: ${outcome}`, async () => {
        const session = await openHttp2(app.url)
        onTestFinished(() => {
          session.close()
        })
        const answer = await exchangeHttp2(session, { method, path: '/api/framing', headers, data })
        // nghttp2 resets a stream whose DATA contradicts its content-length; a refusal may come first.
        if (!valid) expect([refused ?? 'reset', 'reset']).toContain(statusOf(answer))
        else expect(statusOf(answer)).toBe(refused ?? 200)
        expect(await tap.settledProblems()).toEqual([])
        if (refused !== undefined || !valid) {
          expect(tap.requests).toEqual([])
          return
        }
        expect(tap.requests).toHaveLength(1)
        expect(tap.requests[0]?.framing).toBe('chunked')
        expect(tap.requests[0]?.body.toString('latin1')).toBe(BODY)
      })
      // Where the host forwards it instead, its DATA must still never become a request of its own.
      if (needs.length > 0 && !host.supports('undeclaredBodyRefusals')) {
        it(`${method} with ${framing}: the host's own answer smuggles nothing`, async () => {
          const session = await openHttp2(app.url)
          onTestFinished(() => {
            session.close()
          })
          const answer = await exchangeHttp2(session, { method, path: '/api/framing', headers, data })
          expect(await tap.settledProblems()).toEqual([])
          if (statusOf(answer) !== 200) {
            expect(tap.requests).toEqual([])
            return
          }
          expect(tap.requests).toHaveLength(1)
          expect(tap.requests[0]?.method).toBe(method)
          // The whole body as one body, or none (dropped), never a part of it.
          expect(['', BODY]).toContain(tap.requests[0]?.body.toString('latin1'))
        })
      }
    }
  }

  for (const [attack, payload] of Object.entries(PAYLOADS)) {
    it(`a DELETE's DATA frames holding ${attack} stay a body; the next request gets its own answer`, async () => {
      const session = await openHttp2(app.url)
      onTestFinished(() => {
        session.close()
      })
      const smuggler = await exchangeHttp2(session, { method: 'DELETE', path: '/api/a', data: [payload] })
      const victim = await exchangeHttp2(session, {
        method: 'GET',
        path: '/api/victim',
        headers: { cookie: 'session=victim' },
      })
      expect([statusOf(smuggler), victim]).toEqual([200, { status: 200, body: 'ok' }])
      expect(await tap.settledProblems()).toEqual([])
      expect(describeRequests(tap)).toEqual([`DELETE /v1/a ${payload}`, 'GET /v1/victim session=victim'])
    })
  }
})
