// Request smuggling through the body's framing (CWE-444), through the exported nginx config, read at
// a raw TCP tap with a strict parser of its own: every method with every way an HTTP/1.1 client can
// delimit a body (Content-Length, chunked, both, none but bytes after the head) and the classic
// desync attempts. The body holds a request of its own; the tap must read exactly one request, framed,
// then the next client's, and no byte after it on any open connection.
import type { Tap } from '@sameorigin/test-utils'
import { HAS_NGINX, NGINX_PATH, sendRaw, startTap } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServedExport } from '../../../packages/cli/test/export/_nginx.ts'
import { serveExport } from '../../../packages/cli/test/export/_nginx.ts'

const SKIP = HAS_NGINX ? false : `nginx is not installed at ${NGINX_PATH}: skipped`
const INNER = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

interface Row {
  readonly name: string
  readonly send: (host: string) => string
  /** The client's status, and what the tap must read before the next client's request. */
  readonly status: number
  readonly upstream: { target: string; framing: string; body: string } | 'nothing'
}

function head(method: string, host: string, fields: readonly string[]): string {
  return [`${method} /api/x HTTP/1.1`, `Host: ${host}`, ...fields, 'Connection: close', '', ''].join('\r\n')
}

function rowsFor(method: (typeof METHODS)[number]): Row[] {
  const refused = method === 'GET' || method === 'HEAD'
  const status = refused ? 400 : 200
  const forwarded = (framing: string): Row['upstream'] =>
    refused ? 'nothing' : { target: '/v1/x', framing, body: INNER }
  // nginx forwards a chunked body as it arrives (chunked), or with its length when it has it all.
  const chunk = `${INNER.length.toString(16)}\r\n${INNER}\r\n0\r\n\r\n`
  return [
    {
      name: `${method} with Content-Length`,
      send: (host) => head(method, host, [`Content-Length: ${INNER.length}`]) + INNER,
      status,
      upstream: forwarded('framed'),
    },
    {
      name: `${method} with chunked`,
      send: (host) => head(method, host, ['Transfer-Encoding: chunked']) + chunk,
      status,
      upstream: forwarded('framed'),
    },
    {
      // RFC 9112 §6.1: Transfer-Encoding wins, and the message is closed after it.
      name: `${method} with both Content-Length and chunked`,
      send: (host) => head(method, host, ['Content-Length: 4', 'Transfer-Encoding: chunked']) + chunk,
      status: 400,
      upstream: 'nothing',
    },
    {
      name: `${method} with bytes after a head that announces no body`,
      send: (host) => head(method, host, []) + INNER,
      status: 200,
      upstream: { target: '/v1/x', framing: 'none', body: '' },
    },
  ]
}

const ATTEMPTS: Row[] = [
  {
    name: 'two different Content-Length values',
    send: (host) => head('POST', host, ['Content-Length: 4', `Content-Length: ${INNER.length}`]) + INNER,
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'an unknown transfer coding (xchunked)',
    send: (host) => head('POST', host, ['Transfer-Encoding: xchunked']) + INNER,
    status: 501,
    upstream: 'nothing',
  },
  {
    name: 'a chunk size that overflows',
    send: (host) =>
      `${head('POST', host, ['Transfer-Encoding: chunked'])}ffffffffffffffffff1\r\nx\r\n0\r\n\r\n`,
    status: 400,
    upstream: 'nothing',
  },
]

describe.skipIf(SKIP)(
  `request framing through the exported nginx config${SKIP === false ? '' : ` (${SKIP})`}`,
  () => {
    let tap: Tap
    let nginx: ServedExport

    beforeAll(async () => {
      tap = await startTap()
      nginx = await serveExport({ routes: { '/api': `${tap.url}/v1` } })
    })

    afterAll(async () => {
      await nginx?.close()
      await tap?.close()
    })

    for (const row of [...METHODS.flatMap(rowsFor), ...ATTEMPTS]) {
      it(`${row.name}`, async () => {
        tap.reset()
        const host = `127.0.0.1:${nginx.port}`
        const answer = await sendRaw(nginx.port, row.send(host))
        const next = await sendRaw(
          nginx.port,
          `GET /api/next HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
        )
        expect(answer.slice(0, 12)).toBe(`HTTP/1.1 ${row.status}`)
        expect(next.slice(0, 12)).toBe('HTTP/1.1 200')
        expect(await tap.settledProblems()).toEqual([])
        const seen = tap.requests.map(({ target, framing, body }) => ({
          target,
          framing: framing === 'none' ? framing : 'framed',
          body: body.toString('latin1'),
        }))
        expect(seen).toEqual([
          ...(row.upstream === 'nothing' ? [] : [row.upstream]),
          { target: '/v1/next', framing: 'none', body: '' },
        ])
      })
    }
  },
)
