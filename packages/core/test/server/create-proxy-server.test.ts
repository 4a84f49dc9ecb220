import { once } from 'node:events'
import { connect as connectHttp2 } from 'node:http2'
import { connect as connectTcp } from 'node:net'
import { connect as connectTls } from 'node:tls'
import { request, TEST_CA, TEST_CERT, TEST_KEY, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { createProxyServer } from '../../src/server/create-proxy-server.ts'
import { listen } from '../../src/server/listen.ts'
import { createProxy } from '../../src/engine/create-proxy.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import { eventually } from '../engine/_start-proxy.ts'

describe('createProxyServer + listen', () => {
  it('listens on 127.0.0.1 by default and proxies matched requests', async () => {
    const upstream = await upstreamForTest()
    const server = createProxyServer(resolveConfig({ routes: { '/api': upstream.url } }, { env: {} }), {
      logger: { info() {}, warn() {}, error() {} },
    })
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    expect(listening.host).toBe('127.0.0.1')
    expect(listening.url).toBe(`http://127.0.0.1:${listening.port}`)
    const res = await request(`${listening.url}/api/ping`)
    expect(res.status).toBe(200)
    expect(upstream.requests[0]?.path).toBe('/api/ping')
  })

  it('answers unmatched requests 404, or with the fallback', async () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:1' } }, { env: {} })
    const plain = await listen(createProxyServer(resolved))
    onTestFinished(() => plain.close())
    const missing = await request(`${plain.url}/index.html`)
    expect(missing.status).toBe(404)
    expect(missing.body).toBe('Not found: no sameorigin route matches this path.\n')
    const withFallback = await listen(
      createProxyServer(resolved, { fallback: (_req, res) => res.end('app') }),
    )
    onTestFinished(() => withFallback.close())
    expect((await request(`${withFallback.url}/index.html`)).body).toBe('app')
  })

  it('proxies WebSockets and refuses other upgrades', async () => {
    const upstream = await upstreamForTest({
      websocket: (socket) => socket.on('message', (m) => socket.send(m)),
    })
    const server = createProxyServer(resolveConfig({ routes: { '/live': upstream.url } }, { env: {} }))
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    const ws = new WebSocket(`${listening.url.replace('http', 'ws')}/live`)
    await once(ws, 'open')
    ws.send('hello')
    expect(String((await once(ws, 'message'))[0])).toBe('hello')
    const stray = new WebSocket(`${listening.url.replace('http', 'ws')}/other`)
    const [error] = (await once(stray, 'error')) as [Error]
    expect(error.message).toMatch(/socket hang up|closed|ECONNRESET/)
    ws.close()
  })

  it('closes open WebSockets and upstream sockets on close()', async () => {
    const upstream = await upstreamForTest({ websocket: () => {} })
    const listening = await listen(
      createProxyServer(resolveConfig({ routes: { '/': upstream.url } }, { env: {} })),
    )
    await request(`${listening.url}/keep-alive`)
    const ws = new WebSocket(`${listening.url.replace('http', 'ws')}/live`)
    await once(ws, 'open')
    const closed = once(ws, 'close')
    await listening.close()
    const [code] = await closed
    expect(code).toBe(1006)
    await eventually(() => upstream.openConnections === 0)
    expect(upstream.openConnections).toBe(0)
  })

  it('rejects with the listen error', async () => {
    const first = await listen(createProxyServer(resolveConfig({}, { env: {} })))
    onTestFinished(() => first.close())
    await expect(
      listen(createProxyServer(resolveConfig({}, { env: {} })), { port: first.port }),
    ).rejects.toThrow(/EADDRINUSE/)
  })
})

/** Sends `text` on a fresh connection (TLS with `tls`) and resolves with all it got until the server closed. */
async function exchangeText(port: number, text: string, tls = false): Promise<string> {
  const socket = tls
    ? connectTls({
        port,
        host: '127.0.0.1',
        ca: TEST_CA,
        ALPNProtocols: ['http/1.1'],
        servername: 'localhost',
      })
    : connectTcp({ port, host: '127.0.0.1' })
  const chunks: Buffer[] = []
  socket.on('data', (chunk: Buffer) => chunks.push(chunk))
  socket.write(text)
  await once(socket, 'close')
  return Buffer.concat(chunks).toString('latin1')
}

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('did not throw')
}

describe('createProxy / createProxyServer take a user config', () => {
  it('resolves { routes: { … } } itself, the same as resolveConfig(…)', async () => {
    const upstream = await upstreamForTest()
    const listening = await listen(createProxyServer({ routes: { '/api': `${upstream.url}/v1` } }))
    onTestFinished(() => listening.close())
    expect((await request(`${listening.url}/api/ping`)).status).toBe(200)
    expect(upstream.requests.map((req) => req.path)).toEqual(['/v1/ping'])
    const engine = createProxy({ routes: { '/api': upstream.url } })
    await engine.close()
  })

  it('reports every problem of a user config at once', () => {
    const error = thrown(() =>
      // A misspelled option, as a JavaScript config file can hold it.
      createProxyServer({
        routes: { '/a': 'ftp://x', '/b': { target: 'http://127.0.0.1:1', tiemout: 5 } },
      } as never),
    )
    expect(isProxyError(error) && error.code).toBe('ERR_CONFIG_INVALID')
    expect((error as { issues: { path: string }[] }).issues.map((issue) => issue.path)).toEqual([
      "routes['/a']",
      "routes['/b'].tiemout",
    ])
  })

  it('refuses anything else with one error naming what it got and an example', () => {
    const error = thrown(() => createProxy('http://127.0.0.1:8080' as never))
    expect(isProxyError(error) && error.code).toBe('ERR_CONFIG_INVALID')
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Invalid sameorigin config, 1 problem:
        ✖ config: createProxy(config) takes a config ({ routes: … }) or what resolveConfig() / loadConfig() return, got the string 'http://127.0.0.1:8080'
          fix: createProxy({ routes: { '/api': 'http://127.0.0.1:8080' } })"
    `)
  })

  it('tells a resolved config by its brand, not by its shape', () => {
    const resolved = resolveConfig({ routes: { '/api': 'http://127.0.0.1:1' } }, { env: {} })
    const engine = createProxy(resolved)
    onTestFinished(() => engine.close())
    // A copy is no longer what resolveConfig returned: it is read as user input (and refused).
    expect(thrown(() => createProxy({ ...resolved }))).toMatchObject({ code: 'ERR_CONFIG_INVALID' })
  })
})

describe('CONNECT to the stand-alone server', () => {
  it('answers 405 with Allow and a body over HTTP/1.1, and reaches no backend', async () => {
    const upstream = await upstreamForTest()
    const listening = await listen(createProxyServer({ routes: { '/': upstream.url } }))
    onTestFinished(() => listening.close())
    const authority = `127.0.0.1:${upstream.port}`
    const answer = await exchangeText(
      listening.port,
      `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    expect(answer).toMatch(/\r\nallow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n/)
    expect(answer).toMatch(
      /\r\n\r\nCONNECT is not supported: sameorigin forwards routes, it opens no tunnels\.\n$/,
    )
    expect(upstream.connections).toBe(0)
  })

  it('answers 405 on the https server, over HTTP/1.1 and HTTP/2', async () => {
    const upstream = await upstreamForTest()
    const server = createProxyServer(
      { routes: { '/': upstream.url } },
      { https: { cert: TEST_CERT, key: TEST_KEY } },
    )
    const listening = await listen(server)
    onTestFinished(() => listening.close())
    const authority = `127.0.0.1:${upstream.port}`
    const answer = await exchangeText(
      listening.port,
      `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`,
      true,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/)
    const session = connectHttp2(listening.url, { ca: TEST_CA })
    onTestFinished(() => void session.close())
    const stream = session.request({ ':method': 'CONNECT', ':authority': authority }, { endStream: true })
    const [headers] = (await once(stream, 'response')) as [Record<string, unknown>]
    stream.resume()
    await once(stream, 'end')
    expect(headers[':status']).toBe(405)
    expect(headers.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS')
    expect(upstream.connections).toBe(0)
  })
})
