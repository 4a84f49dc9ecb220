// Path traversal through the proxy. `/api/%2e%2e/admin`, encoded slashes and backslashes can be
// decoded differently by the dev server and the backend, reaching paths outside the route's base
// path (CWE-22; see CVE-2021-41773 for the same trick against Apache). The rules core refuses or
// normalises them; the engine must answer its refusal with 400 and forward nothing, for requests and
// WebSocket handshakes alike.
import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import { request } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

describe('path traversal', () => {
  it.each(['/api/..%2Fadmin', '/api/%252e%252e/admin', '/api/..%5Cadmin', '/api/%00'])(
    '%s → 400 ERR_REQUEST_PATH_UNSAFE, nothing forwarded',
    async (path) => {
      const upstream = await upstreamForTest()
      const proxy = await startProxy({ routes: { '/api': `${upstream.url}/v1` } })
      const res = await request(`${proxy.url}${path}`)
      expect(res.status).toBe(400)
      expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('ERR_REQUEST_PATH_UNSAFE')
      expect(upstream.requests).toHaveLength(0)
      expect(proxy.logs.warnings()).toHaveLength(1)
    },
  )

  it('refuses the same paths on a WebSocket handshake', async () => {
    const upstream = await upstreamForTest({ websocket: () => {} })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/api/..%2Fadmin`)
    ws.on('error', () => {})
    const [, res] = (await once(ws, 'unexpected-response')) as [unknown, IncomingMessage]
    ws.terminate()
    expect(res.statusCode).toBe(400)
    expect(upstream.requests).toHaveLength(0)
  })
})
