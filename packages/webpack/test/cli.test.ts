// The plugin through the commands users run: `webpack serve` (webpack-cli 7) with webpack-dev-server 5
// and with 6 (under Node 24: it declares Node >= 22.15), and `rspack serve`. webpack-cli 7 builds
// webpack-dev-server 6 as a plugin from the config's `devServer` before other plugins are applied, so
// this is where a plugin that only edits `compiler.options.devServer` would silently do nothing.
import { once } from 'node:events'
import type { Upstream } from '@sameorigin/test-utils'
import { request, sendRaw, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import type { CliKind, RunningCli } from './_cli.ts'
import { CLI_KINDS, startCli } from './_cli.ts'
import type { Gate } from '@sameorigin/test-utils'
import { createGate } from '@sameorigin/test-utils'
import { nextChunk, openEventStream } from './_sse.ts'

async function openSocket(url: string, origin?: string): Promise<{ socket: WebSocket; messages: string[] }> {
  // A page's socket carries its Origin; webpack-dev-server 6 turns away an HMR client without one.
  const socket = new WebSocket(url, origin === undefined ? {} : { origin })
  onTestFinished(() => socket.terminate())
  const messages: string[] = []
  socket.on('message', (data: Buffer) => messages.push(data.toString()))
  await once(socket, 'open')
  return { socket, messages }
}

describe.each(CLI_KINDS)('%s serve with new SameOriginPlugin()', (kind: CliKind) => {
  let api: Upstream, other: Upstream, events: Upstream, cli: RunningCli
  let gate: Gate = createGate()
  const sent: string[] = []

  beforeAll(async () => {
    api = await startUpstream({ websocket: (socket) => socket.on('message', (data) => socket.send(data)) })
    other = await startUpstream()
    events = await startUpstream({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        res.write('data: first\n\n')
        sent.push('first')
        void gate.opened.then(() => {
          sent.push('second')
          res.end('data: second\n\n')
        })
      },
    })
    const routes = [
      { path: '/api', target: api.url },
      { path: '/events', target: events.url },
      // Every WebSocket goes to the backend: the dev server's own HMR socket must still be its own.
      { path: '/', target: api.url, matchHeaders: { upgrade: true } },
    ]
    cli = await startCli(kind, {
      config: `config = {
        devServer: {
          host: '127.0.0.1',
          port: 0,
          proxy: [{ context: ['/api/legacy', '/other'], target: ${JSON.stringify(other.url)} }],
          setupMiddlewares: (middlewares) => [
            ...middlewares,
            { name: 'user', path: '/from-user', middleware: (req, res) => res.end('user middleware') },
          ],
        },
        plugins: [new SameOriginPlugin({ configFile: false, routes: ${JSON.stringify(routes)} })],
      }`,
    })
  })
  afterAll(async () => {
    await cli?.stop()
    await Promise.all([api?.close(), other?.close(), events?.close()])
  })

  it('forwards the routes; the dev server still serves its page, its bundle and your middleware', async () => {
    expect(JSON.parse((await request(`${cli.url}/api/users?page=2`)).body)).toMatchObject({
      method: 'GET',
      path: '/api/users?page=2',
    })
    expect((await request(`${cli.url}/`)).body).toContain('<title>fixture</title>')
    expect((await request(`${cli.url}/main.js`)).body).toContain("document.title = 'fixture'")
    expect((await request(`${cli.url}/from-user`)).body).toBe('user middleware')
    expect(api.requests.map((recorded) => recorded.path)).toEqual(['/api/users?page=2'])
  })

  it('prints the route table after the server URLs, and warns once about the overlapping devServer.proxy entry', () => {
    const output = cli.output()
    const table = output.indexOf('[sameorigin] routes (first match wins):')
    expect(output.indexOf(`${cli.url}/`)).toBeGreaterThanOrEqual(0)
    expect(table).toBeGreaterThan(output.indexOf(`${cli.url}/`))
    const warnings = output.split('\n').filter((line) => line.includes('devServer.proxy has entries'))
    // The catch-all upgrade route claims every path too: its header condition does not count.
    expect(warnings).toEqual([
      expect.stringContaining(
        `for paths sameorigin also routes: '/api/legacy' (route '/api', '/'), '/other' (route '/').`,
      ),
    ])
  })

  it('answers overlapping paths first and leaves the others to devServer.proxy', async () => {
    await request(`${cli.url}/api/legacy/x`)
    await request(`${cli.url}/other/x`)
    expect(api.requests.map((recorded) => recorded.path)).toContain('/api/legacy/x')
    expect(other.requests.map((recorded) => recorded.path)).toEqual(['/other/x'])
  })

  it('streams server-sent events uncompressed: the first event arrives before the second is sent', async () => {
    gate = createGate()
    sent.splice(0)
    const res = await openEventStream(`${cli.url}/events/stream`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(await nextChunk(res)).toBe('data: first\n\n')
    expect(sent).toEqual(['first'])
    gate.open()
    expect(await nextChunk(res)).toBe('data: second\n\n')
  })

  it("leaves the dev server's HMR socket alone and proxies every other WebSocket", async () => {
    const ws = cli.url.replace('http:', 'ws:')
    const hmr = await openSocket(`${ws}/ws`, cli.url)
    await expect.poll(() => hmr.messages.length).toBeGreaterThan(0)
    expect(JSON.parse(hmr.messages[0]!)).toHaveProperty('type')

    const proxied = await openSocket(`${ws}/chat`)
    proxied.socket.send('hello')
    await expect.poll(() => proxied.messages).toEqual(['hello'])
    const upgrades = api.requests.filter((recorded) => recorded.kind === 'upgrade')
    expect(upgrades.map((recorded) => recorded.path)).toEqual(['/chat'])
  })

  it('refuses a foreign Host, for requests and for WebSocket upgrades', async () => {
    api.requests.splice(0)
    const upgrade =
      `GET /chat HTTP/1.1\r\nHost: evil.example:${cli.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
    expect(await sendRaw(cli.port, upgrade)).toMatch(/^HTTP\/1\.1 403/)
    const get = `GET /api/me HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`
    expect(await sendRaw(cli.port, get)).toMatch(/^HTTP\/1\.1 403/)
    expect(api.requests).toEqual([])
  })
})

describe.each(CLI_KINDS)('%s serve with devServer: withSameOrigin()', (kind: CliKind) => {
  it('mounts the engine and keeps your setupMiddlewares and onListening', async () => {
    const upstream = await startUpstream()
    onTestFinished(() => upstream.close())
    const cli = await startCli(kind, {
      config: `config = {
        devServer: withSameOrigin(
          {
            host: '127.0.0.1',
            port: 0,
            setupMiddlewares: (middlewares) => [{ name: 'user', path: '/from-user', middleware: (req, res) => res.end('user') }, ...middlewares],
            // stderr, where webpack's and Rspack's infrastructure log goes: one stream keeps the order.
            onListening: () => console.error('user onListening'),
          },
          { configFile: false, routes: { '/api': ${JSON.stringify(upstream.url)} } },
        ),
      }`,
      readyWhen: /user onListening/,
    })
    onTestFinished(() => cli.stop())
    expect(JSON.parse((await request(`${cli.url}/api/x`)).body)).toMatchObject({ path: '/api/x' })
    expect((await request(`${cli.url}/from-user`)).body).toBe('user')
    expect(cli.output().indexOf('routes (first match wins)')).toBeLessThan(
      cli.output().indexOf('user onListening'),
    )
  })
})
