import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { request } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

interface ErrorJson {
  error: { code: string; message: string; hint: string; route: string | null; target: string | null }
}

/** A TCP server that answers every connection with `reply` and hangs up. */
async function startRawServer(reply: string): Promise<string> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
    socket.once('data', () => socket.end(reply))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  })
  const address = server.address()
  return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
}

/** A port nothing listens on: a server that was started and closed. */
async function closedPort(): Promise<number> {
  const upstream = await upstreamForTest()
  await upstream.close()
  return upstream.port
}

describe('upstream errors', () => {
  it.each([
    {
      cause: 'refused',
      target: async () => `http://127.0.0.1:${await closedPort()}`,
      status: 502,
      code: 'ERR_UPSTREAM_UNREACHABLE',
      hint: 'Start the backend',
    },
    {
      cause: 'DNS failure',
      target: async () => 'http://backend.invalid:8080',
      status: 502,
      code: 'ERR_UPSTREAM_DNS_FAILED',
      hint: 'backend.invalid',
    },
    {
      cause: 'reset',
      target: async () => (await upstreamForTest({ handle: (req) => req.socket.destroy() })).url,
      status: 502,
      code: 'ERR_UPSTREAM_RESET',
      hint: "backend's logs",
    },
    {
      cause: 'malformed response',
      target: () => startRawServer('SSH-2.0-OpenSSH_9.6\r\n\r\n'),
      status: 502,
      code: 'ERR_UPSTREAM_RESPONSE_INVALID',
      hint: 'serves HTTP',
    },
  ])(
    '$cause → $status $code, one warn line, and the dev server lives on',
    async ({ target, status, code, hint }) => {
      const url = await target()
      const proxy = await startProxy({ routes: { '/api': url } })
      const res = await request(`${proxy.url}/api/users`, { headers: { accept: '*/*' } })
      expect(res.status).toBe(status)
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
      const { error } = JSON.parse(res.body) as ErrorJson
      expect(error).toMatchObject({ code, route: '/api', target: new URL(url).href })
      expect(error.hint).toContain(hint)
      const warnings = proxy.logs.warnings()
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(`GET /api/users → ${new URL(url).origin}/api/users`)
      expect(warnings[0]).toContain(`${status} ${code}, route /api`)
      expect(warnings[0]).toContain(`Hint: ${error.hint}`)
      // Still serving: the host's own pages and another proxied request.
      expect((await request(`${proxy.url}/page`)).status).toBe(200)
      expect((await request(`${proxy.url}/api/again`)).status).toBe(status)
    },
  )

  it('answers navigations with a small escaped HTML page', async () => {
    const proxy = await startProxy({ routes: { '/api': `http://127.0.0.1:${await closedPort()}` } })
    const res = await request(`${proxy.url}/api/%3Cscript%3Ealert(1)%3C/script%3E`, {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    })
    expect(res.status).toBe(502)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.body).toContain('<h1>502 Bad Gateway</h1>')
    expect(res.body).toContain('<code>ERR_UPSTREAM_UNREACHABLE</code>')
    expect(res.body).not.toMatch(/<script|alert\(1\)|%3Cscript/i)
  })

  it('never passes a body cut short by the upstream off as complete', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-length': '1000' })
        res.write('only the start')
        setTimeout(() => res.socket?.destroy(), 20)
      },
    })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    await expect(request(`${proxy.url}/api/file`)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/)
    const warnings = proxy.logs.warnings()
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('ERR_UPSTREAM_RESET')
  })

  it('answers 502 when the upstream breaks off after its head but before any byte reached the browser', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-length': '1000', 'x-from-upstream': 'yes' })
        res.flushHeaders()
        setTimeout(() => res.socket?.destroy(), 20)
      },
    })
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const res = await request(`${proxy.url}/api/file`)
    expect(res.status).toBe(502)
    expect(res.headers['x-from-upstream']).toBeUndefined()
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body))
    expect((JSON.parse(res.body) as ErrorJson).error.code).toBe('ERR_UPSTREAM_RESET')
  })

  it('drains an unread upload after an error, so the keep-alive connection stays usable', async () => {
    const proxy = await startProxy({ routes: { '/api': `http://127.0.0.1:${await closedPort()}` } })
    const { Agent } = await import('node:http')
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    onTestFinished(() => agent.destroy())
    const body = 'x'.repeat(256 * 1024)
    const first = await request(`${proxy.url}/api/upload`, { method: 'POST', body, agent })
    expect(first.status).toBe(502)
    const second = await request(`${proxy.url}/page`, { agent })
    expect(second.status).toBe(200)
  })
})
