import { describe, expect, it } from 'vitest'
import { upstreamForTest } from '../engine/_start-proxy.ts'
import { CLIENTS, errorCode, startFetchProxy } from './_fetch-proxy.ts'

// TRACE cannot be tested here: a Web `Request` refuses the method (the pipeline's 405 covers hosts
// that hand one over anyway; test/engine covers it over node:http).
describe.each(CLIENTS)('Fetch transport refusals ($name)', ({ create }) => {
  it.each([
    ['an unsafe path', '/api/..%2fetc', {}, 400, 'ERR_REQUEST_PATH_UNSAFE'],
    // The URL keeps it (the path rules refuse a raw `#` in a request line on the Node transport too).
    ['a fragment', '/api/x#/../../admin', {}, 400, 'ERR_REQUEST_PATH_UNSAFE'],
    [
      'an unlisted Host',
      '/api/x',
      { headers: { host: 'evil.example' } },
      403,
      'ERR_REQUEST_HOST_NOT_ALLOWED',
    ],
    [
      'a joined Host',
      '/api/x',
      { headers: { host: 'localhost, evil.example' } },
      400,
      'ERR_REQUEST_HOST_INVALID',
    ],
    [
      'a GET with a body',
      '/api/x',
      { headers: { 'content-length': '4' } },
      400,
      'ERR_REQUEST_BODY_NOT_ALLOWED',
    ],
  ] as const)(
    'refuses %s with the error answer and one warn line',
    async (_name, path, init, status, code) => {
      const upstream = await upstreamForTest()
      const { send, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
      const response = await send(path, init)
      expect(response?.status).toBe(status)
      expect(await errorCode(response)).toBe(code)
      expect(logs.warnings()).toHaveLength(1)
      expect(logs.warnings()[0]).toContain(code)
      expect(upstream.requests).toHaveLength(0)
    },
  )

  it('refuses a Host that leaves the URL unparsable with 400, without rejecting', async () => {
    const upstream = await upstreamForTest()
    const { proxy, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const request = new Request('http://localhost:5173/api/me', { headers: { host: 'localhost:99999' } })
    // What srvx hands over for `Host: localhost:99999`: a URL built from the raw Host, which `new URL`
    // refuses (a port out of range).
    Object.defineProperty(request, 'url', { value: 'http://localhost:99999/api/me' })
    const response = await proxy(request)
    expect(response?.status).toBe(400)
    expect(await errorCode(response)).toBe('ERR_REQUEST_HOST_INVALID')
    expect(logs.warnings()).toHaveLength(1)
    expect(upstream.requests).toHaveLength(0)
  })

  it('CORS mode: answers the preflight 204, adds CORS headers, refuses other origins 403', async () => {
    const upstream = await upstreamForTest()
    const cors = { origins: ['http://localhost:6006'], credentials: true }
    const { send, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create(), { cors })
    const preflight = await send('/api/x', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'PUT' },
    })
    expect(preflight?.status).toBe(204)
    expect(preflight?.headers.get('access-control-allow-origin')).toBe('http://localhost:6006')
    const allowed = await send('/api/x', { headers: { origin: 'http://localhost:6006' } })
    expect(allowed?.status).toBe(200)
    expect(allowed?.headers.get('access-control-allow-credentials')).toBe('true')
    const other = await send('/api/x', { headers: { origin: 'http://evil.example' } })
    expect(other?.status).toBe(403)
    expect(logs.warnings()).toHaveLength(1)
    expect(upstream.requests).toHaveLength(1)
  })
})
