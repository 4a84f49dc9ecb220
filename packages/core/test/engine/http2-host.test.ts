import { once } from 'node:events'
import { connect, createSecureServer } from 'node:http2'
import type { AddressInfo } from 'node:net'
import { TEST_CA, TEST_CERT, TEST_KEY } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { createProxy } from '../../src/engine/create-proxy.ts'
import { captureLogs, upstreamForTest } from './_start-proxy.ts'

// Vite serves HTTP/2 when `server.https` is set: the middleware then gets Http2ServerRequest objects,
// whose `headers` has no setter and whose Host is `:authority`.
describe('HTTP/2 host', () => {
  it('proxies requests arriving over HTTP/2 to an HTTP/1.1 upstream', async () => {
    const upstream = await upstreamForTest()
    const engine = createProxy(resolveConfig({ routes: { '/api': upstream.url } }, { env: {} }), {
      logger: captureLogs(),
      env: {},
    })
    const server = createSecureServer({ cert: TEST_CERT, key: TEST_KEY, allowHTTP1: true }, (req, res) =>
      engine.middleware(req as never, res as never, () => res.end('host')),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const client = connect(`https://localhost:${port}`, { ca: TEST_CA })
    onTestFinished(async () => {
      client.close()
      await engine.close()
      await new Promise((resolve) => server.close(resolve))
    })
    const stream = client.request({ ':path': '/api/users?x=1', origin: `https://localhost:${port}` })
    const [headers] = (await once(stream, 'response')) as [Record<string, string>]
    let body = ''
    for await (const chunk of stream) body += String(chunk)
    expect(headers[':status']).toBe(200)
    expect(JSON.parse(body)).toMatchObject({ method: 'GET', path: '/api/users?x=1' })
    const seen = upstream.requests[0]?.headers
    expect(seen?.host).toBe(`127.0.0.1:${upstream.port}`)
    expect(seen?.['x-forwarded-proto']).toBe('https')
    expect(seen?.['x-forwarded-host']).toBe(`localhost:${port}`)
    expect(seen?.origin).toBe(upstream.url)
  })
})
