import { once } from 'node:events'
import type { IncomingMessage } from 'node:http'
import type { RecordedRequest } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

/** Opens a WebSocket and resolves once it is open (or rejects with the handshake's failure). */
async function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const ws = new WebSocket(url, { headers })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  return ws
}

/** The status and headers of a handshake that did not open. */
async function refusal(url: string): Promise<IncomingMessage> {
  const ws = new WebSocket(url)
  // `terminate()` below makes ws report "closed before the connection was established".
  ws.on('error', () => {})
  const [, res] = (await once(ws, 'unexpected-response')) as [unknown, IncomingMessage]
  ws.terminate()
  return res
}

const handshakeStatus = async (url: string): Promise<number | undefined> => (await refusal(url)).statusCode

async function echoUpstream() {
  const sockets: WebSocket[] = []
  const upstream = await upstreamForTest({
    websocket: (socket) => {
      sockets.push(socket)
      socket.on('message', (data) => socket.send(`echo ${String(data)}`))
    },
  })
  return { upstream, sockets }
}

const wsUrl = (url: string, path: string): string => `${url.replace(/^http/, 'ws')}${path}`

describe('websocket', () => {
  it('proxies upgrades on ws routes with the same header rules', async () => {
    const { upstream } = await echoUpstream()
    const proxy = await startProxy({ routes: { '/api': `${upstream.url}/v1` } })
    const ws = await connect(wsUrl(proxy.url, '/api/live?room=1'), {
      origin: proxy.url,
      'x-forwarded-for': '6.6.6.6',
    })
    ws.send('hi')
    const [reply] = await once(ws, 'message')
    expect(String(reply)).toBe('echo hi')
    const handshake = upstream.requests[0] as RecordedRequest
    expect(handshake).toMatchObject({ kind: 'upgrade', path: '/v1/live?room=1' })
    expect(handshake.headers.host).toBe(`127.0.0.1:${upstream.port}`)
    expect(handshake.headers.origin).toBe(upstream.url)
    expect(handshake.headers['x-forwarded-for']).toBe('127.0.0.1')
    ws.close()
  })

  it('closes the upstream side when the browser closes', async () => {
    const { upstream, sockets } = await echoUpstream()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const ws = await connect(wsUrl(proxy.url, '/api/live'))
    ws.send('x')
    await once(ws, 'message')
    const upstreamSide = sockets[0] as WebSocket
    const closed = once(upstreamSide, 'close')
    ws.close(1000, 'bye')
    const [code] = await closed
    expect(code).toBe(1000)
  })

  it('closes the browser side when the upstream closes or dies', async () => {
    const { upstream, sockets } = await echoUpstream()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const graceful = await connect(wsUrl(proxy.url, '/api/a'))
    const abrupt = await connect(wsUrl(proxy.url, '/api/b'))
    const gracefulClosed = once(graceful, 'close')
    const abruptClosed = once(abrupt, 'close')
    sockets[0]?.close(4001, 'server done')
    sockets[1]?.terminate()
    const [code] = await gracefulClosed
    expect(code).toBe(4001)
    const [abruptCode] = await abruptClosed
    // No close frame came through: the browser sees an abnormal closure.
    expect(abruptCode).toBe(1006)
  })

  it('leaves unmatched upgrades, the host HMR path and ws: false routes to the host', async () => {
    const { upstream } = await echoUpstream()
    const proxy = await startProxy(
      {
        routes: [
          { path: '/', target: upstream.url },
          { path: '/nows', target: upstream.url, ws: false },
        ],
      },
      { hmrPaths: ['/__hmr'] },
    )
    expect(await handshakeStatus(wsUrl(proxy.url, '/__hmr?token=abc'))).toBe(404)
    expect(proxy.hostUpgrades).toEqual(['/__hmr?token=abc'])
    const other = await startProxy({ routes: [{ path: '/nows', target: upstream.url, ws: false }] })
    expect(await handshakeStatus(wsUrl(other.url, '/nows/x'))).toBe(404)
    expect(await handshakeStatus(wsUrl(other.url, '/elsewhere'))).toBe(404)
    expect(other.hostUpgrades).toEqual(['/nows/x', '/elsewhere'])
    expect(upstream.requests).toHaveLength(0)
  })

  it('answers 502 and logs once when the upstream is down', async () => {
    const proxy = await startProxy({ routes: { '/api': 'http://127.0.0.1:1' } })
    expect(await handshakeStatus(wsUrl(proxy.url, '/api/live'))).toBe(502)
    const warnings = proxy.logs.warnings()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('ERR_UPSTREAM_UNREACHABLE')
  })

  it('passes a refusal (no 101) through with the response rules, and logs ERR_WS_UPGRADE_REFUSED', async () => {
    const upstream = await upstreamForTest({ refuseUpgrades: 403 })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await refusal(wsUrl(proxy.url, '/api/live'))
    expect(res.statusCode).toBe(403)
    expect(res.headers['set-cookie']).toEqual(['seen=1'])
    const warnings = proxy.logs.warnings()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('ERR_WS_UPGRADE_REFUSED')
    expect(warnings[0]).toContain('403')
  })
})
