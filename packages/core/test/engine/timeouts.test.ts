import { request, startSilentServer } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { eventually, startProxy, upstreamForTest } from './_start-proxy.ts'

const json = (body: string): { error: { code: string } } => JSON.parse(body) as { error: { code: string } }

describe('timeouts', () => {
  it('answers 504 ERR_UPSTREAM_CONNECT_TIMEOUT when connecting (TCP + TLS) takes too long', async () => {
    const target = `https://127.0.0.1:${await startSilentServer()}`
    const proxy = await startProxy({ routes: { '/api': { target, connectTimeout: 150 } } })
    const res = await request(`${proxy.url}/api/x`)
    expect(res.status).toBe(504)
    expect(json(res.body).error.code).toBe('ERR_UPSTREAM_CONNECT_TIMEOUT')
    expect(proxy.logs.warnings()).toHaveLength(1)
    expect(proxy.logs.warnings()[0]).toContain('connectTimeout: 150')
  })

  it('answers 504 ERR_UPSTREAM_TIMEOUT when the upstream stays silent before its head', async () => {
    const upstream = await upstreamForTest({ handle: () => {} })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, timeout: 150 } } })
    const res = await request(`${proxy.url}/api/slow`)
    expect(res.status).toBe(504)
    expect(json(res.body).error.code).toBe('ERR_UPSTREAM_TIMEOUT')
    await eventually(() => upstream.requests[0]?.aborted === true)
  })

  it('never cuts a response that keeps sending, however long it lasts', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        let sent = 0
        const tick = setInterval(() => {
          res.write(`chunk ${sent}\n`)
          if (++sent === 12) {
            clearInterval(tick)
            res.end()
          }
        }, 40)
      },
    })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, timeout: 300 } } })
    const res = await request(`${proxy.url}/api/download`)
    expect(res.status).toBe(200)
    expect(res.body.split('\n').filter(Boolean)).toHaveLength(12)
  })

  it('exempts event streams from the idle timeout once their head arrived', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write(': open\n\n')
        setTimeout(() => res.end('data: late\n\n'), 450)
      },
    })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, timeout: 150 } } })
    const res = await request(`${proxy.url}/api/events`)
    expect(res.status).toBe(200)
    expect(res.body).toBe(': open\n\ndata: late\n\n')
    expect(proxy.logs.warnings()).toEqual([])
  })

  it('destroys the client socket when a body goes silent after the head (never a short body as complete)', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-length': '100' })
        res.write('partial')
      },
    })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, timeout: 150 } } })
    await expect(request(`${proxy.url}/api/stuck`)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/)
    expect(proxy.logs.warnings()).toHaveLength(1)
    expect(proxy.logs.warnings()[0]).toContain('ERR_UPSTREAM_TIMEOUT')
  })

  it('does not count a slow upload against the upstream', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, timeout: 250 } } })
    const { request: rawRequest } = await import('node:http')
    const req = rawRequest(`${proxy.url}/api/upload`, { method: 'POST', agent: false })
    const response = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
    })
    for (const part of ['a', 'b', 'c']) {
      req.write(part)
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    req.end('d')
    expect(await response).toBe(200)
    expect(upstream.requests[0]?.body).toBe('abcd')
  })
})
