// The behaviour table: one list of cases, run against every transport of the pipeline (the Node
// engine, the Next route handler, the Fetch transport), each served in-process on 127.0.0.1. The
// cases name what the route handler once did by hand and got different from the engine (the idle
// clock, event streams, `ca`, the forward proxy, the warnings, the host checks, CORS mode, `close`,
// the error answers and the failure line), plus the basics. A transport that truly cannot do a case
// declares it as a gap with the reason (src/transports.ts); nothing else is skipped.
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import type { IncomingHttpHeaders } from 'node:http'
import type { Upstream } from '@sameorigin/test-utils'
import { request, sendRaw, startForwardProxy, TEST_CA } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { describeTransports } from '../src/describe-transports.ts'
import { download, startSlowHandshakeUpstream, upstreamForTest } from '../src/servers.ts'
import { nodeEngine } from '../src/transports.ts'

const MiB = 1024 * 1024
// Short enough that a case waiting past it stays quick; the waits below are three times as long.
const TIMEOUT = 300
const PAST_TIMEOUT = 3 * TIMEOUT
const JSON_ACCEPT = { accept: 'application/json' }

const errorCode = (body: string): string => (JSON.parse(body) as { error: { code: string } }).error.code

/** A port nothing listens on (a server started and stopped). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * A port this test keeps, where every connection is reset at once: an upstream that fails the same
 * way every time. A stopped server's port ({@link closedPort}) may be taken by another test's server
 * in the meantime, which would answer (or hang) instead of failing.
 */
async function resettingPort(): Promise<number> {
  const server = createNetServer((socket) => socket.resetAndDestroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as { port: number }).port
}

/** The parts of an error answer every transport must send alike. */
function toErrorHead(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const pick = (name: string): string | undefined => {
    const value = headers[name]
    return Array.isArray(value) ? value.join(', ') : value
  }
  return Object.fromEntries(
    [
      'content-type',
      'content-length',
      'cache-control',
      'x-content-type-options',
      'content-security-policy',
      'access-control-allow-origin',
    ].map((name) => [name, pick(name)]),
  )
}

describeTransports('basics', ({ it, start }) => {
  it('forwards the method, path and query to the route target', async () => {
    const upstream = await upstreamForTest()
    const proxy = await start({ routes: { '/api': `${upstream.url}/v1` } })
    const res = await request(`${proxy.url}/api/users?page=2`, { method: 'POST', body: 'hello' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ method: 'POST', path: '/v1/users?page=2', body: 'hello' })
  })

  it('rewrites the redirect and the cookie for the dev origin', async () => {
    const upstream: Upstream = await upstreamForTest({
      handle(req, res) {
        req.resume()
        res.writeHead(303, {
          location: `${upstream.url}/v1/me`,
          'set-cookie': 'session=abc; Domain=backend.example; Path=/v1; HttpOnly; Secure; SameSite=None',
        })
        res.end()
      },
    })
    const proxy = await start({ routes: { '/api': `${upstream.url}/v1` } })
    const res = await request(`${proxy.url}/api/login`, { method: 'POST' })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/api/me')
    expect(res.headers['set-cookie']).toEqual(['session=abc; Path=/api; HttpOnly; SameSite=Lax'])
  })

  it('refuses an unsafe path with 400 before any upstream', async () => {
    const upstream = await upstreamForTest()
    const proxy = await start({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/api/..%2f..%2fetc`, { headers: JSON_ACCEPT })
    expect(res.status).toBe(400)
    expect(errorCode(res.body)).toBe('ERR_REQUEST_PATH_UNSAFE')
    expect(upstream.requests).toEqual([])
  })

  it('answers 502 ERR_UPSTREAM_UNREACHABLE when the upstream is down, logged once', async () => {
    const proxy = await start({ routes: { '/api': `http://127.0.0.1:${await closedPort()}` } })
    const res = await request(`${proxy.url}/api/x`, { headers: JSON_ACCEPT })
    expect(res.status).toBe(502)
    expect(errorCode(res.body)).toBe('ERR_UPSTREAM_UNREACHABLE')
    expect(proxy.warnings.filter((line) => line.includes('ERR_UPSTREAM_UNREACHABLE'))).toHaveLength(1)
  })

  it('answers 504 ERR_UPSTREAM_TIMEOUT when the upstream stays silent past `timeout`', async () => {
    const upstream = await upstreamForTest({ handle: (req) => req.resume() })
    const proxy = await start({ routes: { '/api': { target: upstream.url, timeout: TIMEOUT } } })
    const res = await request(`${proxy.url}/api/x`, { headers: JSON_ACCEPT })
    expect(res.status).toBe(504)
    expect(errorCode(res.body)).toBe('ERR_UPSTREAM_TIMEOUT')
  })
})

describeTransports('the idle clock', ({ it, start }) => {
  it('starts after the TLS handshake: a slow handshake is no idle upstream', async () => {
    const upstream = await startSlowHandshakeUpstream(PAST_TIMEOUT, (req, res) => {
      req.resume()
      res.end('secure hello')
    })
    const proxy = await start({
      routes: { '/api': { target: upstream.url, ca: TEST_CA, timeout: TIMEOUT, connectTimeout: 10_000 } },
    })
    const res = await request(`${proxy.url}/api/x`, { headers: JSON_ACCEPT })
    expect(res.status).toBe(200)
    expect(res.body).toBe('secure hello')
  })

  it('counts only upstream silence: a browser that reads slowly is not cut off', async () => {
    // More than every buffer between the upstream and the client holds, so the upstream is held back.
    const total = 64 * MiB
    const chunk = Buffer.alloc(MiB, 120)
    const upstream = await upstreamForTest({
      handle(req, res) {
        req.resume()
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(total) })
        let sent = 0
        const write = (): void => {
          while (sent < total) {
            sent += chunk.length
            if (!res.write(chunk)) return void res.once('drain', write)
          }
          res.end()
        }
        write()
      },
    })
    const proxy = await start({ routes: { '/api': { target: upstream.url, timeout: TIMEOUT } } })
    const got = await download(`${proxy.url}/api/big`, { readDelay: PAST_TIMEOUT })
    expect({ status: got.status, bytes: got.bytes, complete: got.complete }).toEqual({
      status: 200,
      bytes: total,
      complete: true,
    })
  })

  it('exempts an event stream, whatever the case of its Content-Type', async () => {
    const upstream = await upstreamForTest({
      handle(req, res) {
        req.resume()
        res.writeHead(200, { 'content-type': 'TEXT/EVENT-STREAM; charset=utf-8' })
        res.write('data: 1\n\n')
        setTimeout(() => res.end('data: 2\n\n'), PAST_TIMEOUT)
      },
    })
    const proxy = await start({ routes: { '/api': { target: upstream.url, timeout: TIMEOUT } } })
    const got = await download(`${proxy.url}/api/events`, { keepText: true })
    expect({ complete: got.complete, text: got.text }).toEqual({
      complete: true,
      text: 'data: 1\n\ndata: 2\n\n',
    })
  })
})

describeTransports('TLS and the forward proxy', ({ it, start }) => {
  // `ca` adds to Node's bundled roots rather than replacing them. A certificate chaining to a public
  // root cannot be made offline, so what is asserted is the half a test can see: the route's CA is
  // trusted, and the same upstream without it is refused (not silently trusted).
  it("trusts a route's `ca`, and refuses the same upstream without it", async () => {
    const upstream = await upstreamForTest({ https: true })
    const proxy = await start({
      routes: { '/trusted': { target: upstream.url, ca: TEST_CA }, '/untrusted': upstream.url },
    })
    expect((await request(`${proxy.url}/trusted/x`)).status).toBe(200)
    const refused = await request(`${proxy.url}/untrusted/x`, { headers: JSON_ACCEPT })
    expect(refused.status).toBe(502)
    expect(errorCode(refused.body)).toBe('ERR_UPSTREAM_TLS_FAILED')
  })

  it('warns once per route that `secure: false` verifies no certificate', async () => {
    const upstream = await upstreamForTest({ https: true })
    const proxy = await start({ routes: { '/api': { target: upstream.url, secure: false } } })
    for (const path of ['a', 'b', 'c']) expect((await request(`${proxy.url}/api/${path}`)).status).toBe(200)
    expect(proxy.warnings.filter((line) => line.includes('are not verified'))).toHaveLength(1)
  })

  // `.sameorigin.test` names resolve nowhere: only the forward proxy (which maps them to 127.0.0.1)
  // reaches them, so a request that arrives proves the proxy was used.
  it('tunnels an https upstream through HTTPS_PROXY with CONNECT', async () => {
    const upstream = await upstreamForTest({ https: true })
    const forward = await startForwardProxy()
    onTestFinished(() => forward.close())
    const target = `https://api.sameorigin.test:${upstream.port}`
    const proxy = await start(
      { routes: { '/api': { target, ca: TEST_CA } } },
      { env: { HTTPS_PROXY: forward.url } },
    )
    for (const path of ['a', 'b']) expect((await request(`${proxy.url}/api/${path}`)).status).toBe(200)
    expect(forward.connectTargets[0]).toBe(`api.sameorigin.test:${upstream.port}`)
    expect(upstream.requests.map((r) => r.path)).toEqual(['/api/a', '/api/b'])
  })

  it('goes direct for a host NO_PROXY lists', async () => {
    const forward = await startForwardProxy()
    onTestFinished(() => forward.close())
    const proxy = await start(
      { routes: { '/api': 'https://api.sameorigin.test:9' } },
      { env: { HTTPS_PROXY: forward.url, NO_PROXY: 'localhost,.sameorigin.test' } },
    )
    const res = await request(`${proxy.url}/api/x`, { headers: JSON_ACCEPT })
    expect(res.status).toBe(502)
    expect(errorCode(res.body)).toBe('ERR_UPSTREAM_DNS_FAILED')
    expect(forward.connects).toBe(0)
  })
})

describeTransports('the host checks and CORS mode', ({ it, start }) => {
  // A second Host naming another host would pass the check unseen. The Node engine sees the repeated
  // field; a Fetch transport only sees Web Headers, which join repeated fields into one value
  // (`a, b`), and that value is no host: refused all the same.
  it('refuses a request with two Host fields with 400', async () => {
    const upstream = await upstreamForTest()
    const proxy = await start({ routes: { '/api': upstream.url } })
    const raw = await sendRaw(
      proxy.port,
      `GET /api/x HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nHost: evil.example\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
    )
    expect(raw).toMatch(/^HTTP\/1\.1 400 /)
    expect(raw).toContain('ERR_REQUEST_HOST_INVALID')
    expect(upstream.requests).toEqual([])
  })

  it('refuses a host it does not answer for with 403 and the same text as the engine', async () => {
    const upstream = await upstreamForTest()
    const config = { routes: { '/api': upstream.url } }
    const proxy = await start(config)
    const reference = await nodeEngine.start(config)
    onTestFinished(() => reference.close())
    const headers = { host: 'attacker.example', ...JSON_ACCEPT }
    const res = await request(`${proxy.url}/api/x`, { headers })
    expect(res.status).toBe(403)
    expect(errorCode(res.body)).toBe('ERR_REQUEST_HOST_NOT_ALLOWED')
    expect(res.body).toBe((await request(`${reference.url}/api/x`, { headers })).body)
    expect(upstream.requests).toEqual([])
  })

  it('answers listed origins in CORS mode (preflight here) and refuses others with 403', async () => {
    const upstream = await upstreamForTest()
    const origin = 'http://app.example:6006'
    const proxy = await start({ routes: { '/api': upstream.url } }, { cors: { origins: [origin] } })
    const preflight = await request(`${proxy.url}/api/x`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'PUT' },
    })
    expect(preflight.status).toBeLessThan(300)
    expect(preflight.headers['access-control-allow-origin']).toBe(origin)
    const allowed = await request(`${proxy.url}/api/x`, { headers: { origin } })
    expect(allowed.status).toBe(200)
    expect(allowed.headers['access-control-allow-origin']).toBe(origin)
    const refused = await request(`${proxy.url}/api/x`, {
      headers: { origin: 'http://evil.example', ...JSON_ACCEPT },
    })
    expect(refused.status).toBe(403)
    expect(upstream.requests).toHaveLength(1)
  })
})

describeTransports('lifecycle and failures', ({ it, start }) => {
  it(
    'destroys its pooled upstream sockets on close()',
    async () => {
      const upstream = await upstreamForTest()
      const proxy = await start({ routes: { '/api': upstream.url } })
      expect((await request(`${proxy.url}/api/x`)).status).toBe(200)
      expect(upstream.openConnections).toBe(1)
      await proxy.closeProxy()
      await expect.poll(() => upstream.openConnections).toBe(0)
    },
    'close',
  )

  it('answers a failure with the same status, headers and body as the engine (JSON and HTML)', async () => {
    const config = { routes: { '/api': `http://127.0.0.1:${await resettingPort()}` } }
    const proxy = await start(config)
    const reference = await nodeEngine.start(config)
    onTestFinished(() => reference.close())
    for (const accept of ['application/json', 'text/html']) {
      const [got, expected] = await Promise.all(
        [proxy, reference].map((one) => request(`${one.url}/api/x?y=1`, { headers: { accept } })),
      )
      const view = (res: typeof got) => ({
        status: res?.status,
        head: toErrorHead(res?.headers ?? {}),
        body: res?.body,
      })
      expect(view(got)).toEqual(view(expected))
    }
  })

  it('logs a failure in the same one line as the engine', async () => {
    const config = { routes: { '/api': `http://127.0.0.1:${await resettingPort()}` } }
    const proxy = await start(config)
    const reference = await nodeEngine.start(config)
    onTestFinished(() => reference.close())
    await request(`${proxy.url}/api/x?y=1`)
    await request(`${reference.url}/api/x?y=1`)
    expect(proxy.warnings).toHaveLength(1)
    expect(proxy.warnings).toEqual(reference.warnings)
  })
})
