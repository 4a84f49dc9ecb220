// Path traversal and open-proxy attempts through each host (CWE-22; CVE-2021-41773 used the same
// encodings against Apache). A dev server and a backend may decode `%2e%2e%2f`, `%5c` or a
// double-encoded dot differently, so a request the dev server thinks is under `/api` could reach a
// path outside the target's base path on the backend. A request line in absolute form
// (`GET http://evil.example/api/x`) must never choose the upstream, or the dev server becomes an
// open proxy into the developer's network. Whatever middlewares a host puts around the engine, the
// engine must see these first: refused with 400 and nothing reaching any upstream.
import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { request, sendRaw } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

const REFUSED = [
  ['an encoded dot-dot-slash', '/api/%2e%2e%2fadmin'],
  ['a dot-dot with an encoded slash', '/api/..%2F..%2Fetc/passwd'],
  ['an encoded backslash', '/api/..%5cadmin'],
  ['a double-encoded dot-dot-slash', '/api/%252e%252e%252fadmin'],
  ['a NUL byte', '/api/file%00.json'],
] as const

describeHosts('hostile paths are refused', ({ it, serve }) => {
  const upstream = useUpstream({ websocket: () => {} })
  const elsewhere = useUpstream()
  const app = serve(() => ({ routes: { '/api': `${upstream.url}/v1` } }))

  for (const [what, path] of REFUSED) {
    it.requires('pathSafety')(`${what} (${path}) → 400, nothing forwarded`, async () => {
      const res = await request(`${app.url}${path}`, { headers: { accept: 'application/json' } })
      expect(res.status).toBe(400)
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('ERR_REQUEST_PATH_UNSAFE')
      expect(upstream.requests).toHaveLength(0)
    })
  }

  it('never forwards dot segments that climb out of the route', async () => {
    const res = await sendRaw(
      app.port,
      `GET /api/../../admin HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(res).toMatch(/^HTTP\/1\.1 \d{3}/)
    expect(upstream.requests).toHaveLength(0)
  })

  it.requires('absoluteForm')(
    'sends an absolute-form request line to the configured target only',
    async () => {
      const res = await sendRaw(
        app.port,
        `GET ${elsewhere.url}/api/x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:${elsewhere.port}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
      )
      expect(res).toMatch(/^HTTP\/1\.1 200 /)
      expect(elsewhere.requests).toHaveLength(0)
      expect(upstream.requests.map((req) => [req.path, req.headers.host])).toEqual([
        ['/v1/x?y=1', `127.0.0.1:${upstream.port}`],
      ])
    },
  )

  it.requires('ws', 'wsErrors')('refuses the same paths on a websocket handshake', async () => {
    const socket = new WebSocket(`${app.url.replace('http', 'ws')}/api/..%2Fadmin`)
    onTestFinished(() => socket.terminate())
    socket.on('error', () => {})
    const [, res] = (await once(socket, 'unexpected-response')) as [unknown, IncomingMessage]
    expect(res.statusCode).toBe(400)
    expect(upstream.requests).toHaveLength(0)
  })
})
