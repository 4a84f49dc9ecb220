// Request smuggling through the body's framing (CWE-444) through the exported Caddyfile, read at a
// raw TCP tap (`startTap`, a strict parser of the test's own) instead of an HTTP server, which would
// read a badly framed body as leniently as the proxy wrote it. Each body holds a request of its own;
// every row must leave the tap exactly the expected request, framed, then the next client's request,
// and no byte after it. A GET or HEAD carrying a body is refused (400; a chunked one only once Caddy
// reads it, so the tap may get an unfinished head on a connection then closed, never a request), and
// TRACE is never forwarded (405).
import { sendRaw, startTap } from '@sameorigin/test-utils'
import type { Tap } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caddyMissing } from '@sameorigin/test-utils'
import type { ExportedCaddy } from '../../../packages/cli/test/export/_caddy.ts'
import { startExportedCaddy } from '../../../packages/cli/test/export/_caddy.ts'

const missing = caddyMissing()
const SMUGGLED = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const

/** `text` as chunks of at most `size` bytes, then the last chunk. */
function chunked(text: string, size: number): string {
  let out = ''
  for (let start = 0; start < text.length; start += size) {
    const piece = text.slice(start, start + size)
    out += `${piece.length.toString(16)}\r\n${piece}\r\n`
  }
  return `${out}0\r\n\r\n`
}

const FRAMINGS = {
  'Content-Length': { fields: [`Content-Length: ${SMUGGLED.length}`], body: SMUGGLED },
  chunked: { fields: ['Transfer-Encoding: chunked'], body: chunked(SMUGGLED, SMUGGLED.length) },
  'chunked in pieces': { fields: ['Transfer-Encoding: chunked'], body: chunked(SMUGGLED, 7) },
} as const

describe.skipIf(missing !== undefined)(
  `request body framing through Caddy${missing === undefined ? '' : ` (${missing})`}`,
  () => {
    let tap: Tap
    let caddy: ExportedCaddy

    beforeAll(async () => {
      tap = await startTap()
      caddy = await startExportedCaddy({ routes: { '/v1': `${tap.url}/base` } })
    })
    afterAll(async () => {
      await caddy?.close()
      await tap?.close()
    })

    for (const method of METHODS) {
      for (const [framing, { fields, body }] of Object.entries(FRAMINGS)) {
        const refused = method === 'TRACE' ? 405 : method === 'GET' || method === 'HEAD' ? 400 : undefined
        it(`${method} with ${framing}: ${refused === undefined ? 'forwarded framed, once' : `refused ${refused}`}`, async () => {
          tap.reset()
          const host = `Host: 127.0.0.1:${caddy.port}`
          const head = [`${method} /v1/echo HTTP/1.1`, host, ...fields, 'Connection: close']
          const answer = await sendRaw(caddy.port, `${head.join('\r\n')}\r\n\r\n${body}`)
          const health = await sendRaw(
            caddy.port,
            `GET /v1/health HTTP/1.1\r\n${host}\r\nConnection: close\r\n\r\n`,
          )
          expect(answer.slice(0, 12)).toBe(`HTTP/1.1 ${refused ?? 200}`)
          expect(health.slice(0, 12)).toBe('HTTP/1.1 200')
          expect(await tap.settledProblems()).toEqual([])
          const seen = tap.requests.map((request) => [
            request.method,
            request.target,
            request.body.toString('latin1'),
          ])
          expect(seen).toEqual([
            ...(refused === undefined ? [[method, '/base/echo', SMUGGLED]] : []),
            ['GET', '/base/health', ''],
          ])
          // A body of unknown length goes on a connection closed after it: a lenient backend cannot
          // read a second request out of it on a reused connection.
          const connections = tap.requests
            .filter((request) => request.framing === 'chunked')
            .map((request) => request.headers.connection)
          expect(connections).toEqual(
            refused === undefined && framing !== 'Content-Length' ? [['close']] : [],
          )
        })
      }
    }
  },
)
