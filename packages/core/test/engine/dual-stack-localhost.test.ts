// A `localhost` target reaches a backend on either loopback address, whatever /etc/hosts says, and
// the next connection tries first the address that answered. Real servers bound to one address
// each; which address a connection reached is read from the servers' accepted connections.
import { once } from 'node:events'
import type { Server } from 'node:net'
import { createServer } from 'node:net'
import type { RecordedRequest, Upstream } from '@sameorigin/test-utils'
import { echo, findClosedLoopbackPort, hasIpv6Loopback, request } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { createNodeClient } from '../../src/fetch/node/create-node-client.ts'
import { errorCode, startFetchProxy } from '../fetch/_fetch-proxy.ts'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

const IPV6 = await hasIpv6Loopback()
const NO_IPV6 = 'skipped: this machine has no IPv6 loopback (listening on ::1 failed)'

/** The loopback address that is not `address`. */
const other = (address: '127.0.0.1' | '::1'): '127.0.0.1' | '::1' => (address === '::1' ? '127.0.0.1' : '::1')

/**
 * A backend on `host` only that closes every connection after its answer, so each request needs a
 * new connection, and the address that connection tries first shows.
 */
function backendOn(host: '127.0.0.1' | '::1'): Promise<Upstream> {
  return upstreamForTest({
    host,
    handle: (req, res, recorded: RecordedRequest) => {
      res.setHeader('connection', 'close')
      echo(req, res, recorded)
    },
    websocket: (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)),
  })
}

/**
 * A TCP server on `host`:`port` that counts and drops connections: it would win a race it is tried
 * first in. Without an IPv6 loopback there is none on `::1` (nothing could answer there anyway).
 */
async function decoy(
  host: '127.0.0.1' | '::1',
  port: number,
): Promise<{ readonly connections: () => number }> {
  let connections = 0
  if (host === '::1' && !IPV6) return { connections: () => connections }
  const server: Server = createServer((socket) => {
    connections++
    socket.destroy()
  })
  server.listen({ port, host })
  await once(server, 'listening')
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { connections: () => connections }
}

async function openWebSocket(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  onTestFinished(() => ws.terminate())
  return ws
}

const families = [
  { address: '127.0.0.1', title: 'a backend on 127.0.0.1 only', runs: true },
  { address: '::1', title: `a backend on ::1 only${IPV6 ? '' : ` (${NO_IPV6})`}`, runs: IPV6 },
] as const

describe('localhost targets: both loopback addresses', () => {
  describe.each(families)('$title', ({ address, runs }) => {
    it.runIf(runs)('the Node engine reaches it, then tries that address first', async () => {
      const upstream = await backendOn(address)
      const proxy = await startProxy({ routes: { '/api': `http://localhost:${upstream.port}` } })
      const first = await request(`${proxy.url}/api/one`)
      expect(first.status).toBe(200)
      expect(JSON.parse(first.body)).toMatchObject({ path: '/api/one' })
      // From now on the other address answers too, and wins any race it is tried first in.
      const elsewhere = await decoy(other(address), upstream.port)
      expect((await request(`${proxy.url}/api/two`)).status).toBe(200)
      expect(upstream.requests.map((req) => req.path)).toEqual(['/api/one', '/api/two'])
      expect(upstream.connections).toBe(2)
      expect(elsewhere.connections()).toBe(0)
    })

    it.runIf(runs)('the Node engine proxies a websocket to it', async () => {
      const upstream = await backendOn(address)
      const proxy = await startProxy({ routes: { '/api': `http://localhost:${upstream.port}` } })
      const ws = await openWebSocket(`${proxy.url.replace(/^http/, 'ws')}/api/live`)
      ws.send('hi')
      const [reply] = await once(ws, 'message')
      expect(String(reply)).toBe('echo hi')
      expect(upstream.requests).toMatchObject([{ kind: 'upgrade', path: '/api/live' }])
      // The next upgrade tries the address that answered first.
      const elsewhere = await decoy(other(address), upstream.port)
      await openWebSocket(`${proxy.url.replace(/^http/, 'ws')}/api/again`)
      expect(upstream.requests.map((req) => req.path)).toEqual(['/api/live', '/api/again'])
      expect(elsewhere.connections()).toBe(0)
    })

    it.runIf(runs)(
      "the Fetch transport's Node client reaches it, then tries that address first",
      async () => {
        const upstream = await backendOn(address)
        const { send } = startFetchProxy(
          { routes: { '/api': `http://localhost:${upstream.port}` } },
          createNodeClient(),
        )
        const first = await send('/api/one')
        expect(first?.status).toBe(200)
        await first?.arrayBuffer()
        const elsewhere = await decoy(other(address), upstream.port)
        const second = await send('/api/two')
        expect(second?.status).toBe(200)
        await second?.arrayBuffer()
        expect(upstream.requests.map((req) => req.path)).toEqual(['/api/one', '/api/two'])
        expect(upstream.connections).toBe(2)
        expect(elsewhere.connections()).toBe(0)
      },
    )
  })

  describe('neither address answering', () => {
    const both = IPV6 ? '' : ` (${NO_IPV6})`
    it.runIf(IPV6)(`the Node engine answers 502 ERR_UPSTREAM_UNREACHABLE naming both${both}`, async () => {
      const port = await findClosedLoopbackPort()
      const proxy = await startProxy({ routes: { '/api': `http://localhost:${port}` } })
      const res = await request(`${proxy.url}/api/x`, { headers: { accept: '*/*' } })
      expect(res.status).toBe(502)
      const { error } = JSON.parse(res.body) as { error: { code: string; message: string; hint: string } }
      expect(error.code).toBe('ERR_UPSTREAM_UNREACHABLE')
      expect(error.message).toContain(`127.0.0.1:${port}`)
      expect(error.message).toContain(`::1:${port}`)
      expect(error.hint).toBe(
        `Nothing listens on 127.0.0.1:${port} or [::1]:${port} (both tried for \`localhost\`): start the backend, or check the port in the route target.`,
      )
      expect(proxy.logs.warnings()[0]).toContain('ERR_UPSTREAM_UNREACHABLE')
    })

    it.runIf(IPV6)(`a websocket handshake is answered 502 too${both}`, async () => {
      const port = await findClosedLoopbackPort()
      const proxy = await startProxy({ routes: { '/api': `http://localhost:${port}` } })
      const ws = new WebSocket(`${proxy.url.replace(/^http/, 'ws')}/api/live`)
      ws.on('error', () => {})
      const [, res] = (await once(ws, 'unexpected-response')) as [unknown, { statusCode: number }]
      ws.terminate()
      expect(res.statusCode).toBe(502)
      expect(proxy.logs.warnings()[0]).toContain(`127.0.0.1:${port} or [::1]:${port}`)
    })

    it.runIf(IPV6)(`the Fetch transport's Node client answers 502 naming both${both}`, async () => {
      const port = await findClosedLoopbackPort()
      const { send, logs } = startFetchProxy(
        { routes: { '/api': `http://localhost:${port}` } },
        createNodeClient(),
      )
      const res = await send('/api/x')
      expect(res?.status).toBe(502)
      expect(await errorCode(res)).toBe('ERR_UPSTREAM_UNREACHABLE')
      expect(logs.warnings()[0]).toContain(`127.0.0.1:${port} or [::1]:${port}`)
    })
  })
})
