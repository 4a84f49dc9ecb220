import { request as httpRequest } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { request } from '@sameorigin/test-utils'
import type { RecordedRequest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { HeadersFunction } from '../../src/types.ts'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

/** Answers `ok` with the body it read, so the upstream's record holds the body and no header is echoed. */
function answerOk(req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    recorded.body = Buffer.concat(chunks).toString('utf8')
    res.end(`ok ${recorded.body}`)
  })
}

async function start(headers: HeadersFunction) {
  const upstream = await upstreamForTest({ handle: answerOk })
  const proxy = await startProxy({ routes: { '/api': { target: upstream.url, headers } } })
  return { upstream, proxy }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A headers function that takes longer than the route's clocks allow the upstream. */
async function slowHeaders(): Promise<Record<string, string>> {
  await sleep(150)
  return { authorization: 'Bearer slow' }
}

describe('a headers function (Node transport)', () => {
  it('is called per request, its values reach the upstream and never the browser', async () => {
    let count = 0
    const seen: { method: string; path: string; accept: unknown }[] = []
    const { upstream, proxy } = await start((req) => {
      seen.push({ method: req.method, path: req.path, accept: req.headers.accept })
      count += 1
      return { authorization: `Bearer token-${count}`, cookie: null }
    })
    const first = await request(`${proxy.url}/api/me?x=1`, {
      headers: { accept: 'text/plain', cookie: 'a=1' },
    })
    const second = await request(`${proxy.url}/api/me`)
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ])
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined()
    expect(seen[0]).toEqual({ method: 'GET', path: '/api/me', accept: 'text/plain' })
    for (const res of [first, second]) {
      expect(JSON.stringify(res.headers)).not.toContain('token-')
      expect(res.body).not.toContain('token-')
    }
  })

  it('waits for an async function, the request body intact', async () => {
    const { upstream, proxy } = await start(async () => {
      await sleep(50)
      return { 'X-Token': 'late' }
    })
    const res = await request(`${proxy.url}/api/upload`, { method: 'POST', body: 'hello body' })
    expect(res.status).toBe(200)
    expect(res.body).toBe('ok hello body')
    expect(upstream.requests[0]?.headers['x-token']).toBe('late')
    expect(upstream.requests[0]?.headers['content-length']).toBe('10')
  })

  it.each([
    { what: 'a line break', value: { authorization: 'Bearer a\r\nx-evil: 1' } },
    { what: 'a bad name', value: { 'x token': 'a' } },
    { what: 'a framing header', value: { 'content-length': '5' } },
    { what: 'not an object', value: 'Bearer a' },
  ])('refuses $what with 500 ERR_ROUTE_HEADERS_INVALID, nothing sent upstream', async ({ value }) => {
    const { upstream, proxy } = await start(() => value as never)
    const res = await request(`${proxy.url}/api/me`, { method: 'POST', body: 'x' })
    expect(res.status).toBe(500)
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'ERR_ROUTE_HEADERS_INVALID', route: '/api' })
    expect(upstream.requests).toHaveLength(0)
    // The answer names what is wrong, never the value.
    expect(res.body).not.toContain('Bearer a')
    expect(proxy.logs.warnings().join('\n')).toContain('ERR_ROUTE_HEADERS_INVALID')
  })

  it.each([
    {
      what: 'throws',
      fn: (): never => {
        throw new Error('login expired')
      },
    },
    {
      what: 'rejects',
      fn: async (): Promise<never> => {
        throw new Error('login expired')
      },
    },
  ])('answers 502 ERR_ROUTE_HEADERS_FAILED when it $what, with its message and route', async ({ fn }) => {
    const { upstream, proxy } = await start(fn)
    const res = await request(`${proxy.url}/api/me`)
    expect(res.status).toBe(502)
    const { error } = JSON.parse(res.body) as { error: { code: string; message: string; route: string } }
    expect(error.code).toBe('ERR_ROUTE_HEADERS_FAILED')
    expect(error.message).toContain('login expired')
    expect(error.route).toBe('/api')
    expect(upstream.requests).toHaveLength(0)
  })

  it('sends nothing when the client leaves while the function is pending', async () => {
    let release: ((value: Record<string, string>) => void) | undefined
    let called = 0
    const { upstream, proxy } = await start(() => {
      called += 1
      return new Promise((resolve) => (release = resolve))
    })
    const req = httpRequest(`${proxy.url}/api/me`, { method: 'POST', agent: false })
    req.on('error', () => {})
    req.write('part')
    await expect.poll(() => called).toBe(1)
    req.destroy()
    await sleep(50)
    release?.({ authorization: 'Bearer t' })
    await sleep(50)
    expect(upstream.requests).toHaveLength(0)
    expect(proxy.logs.warnings()).toEqual([])
  })

  it('applies to websocket handshakes', async () => {
    const upstream = await upstreamForTest({ refuseUpgrades: 403 })
    const proxy = await startProxy({
      routes: { '/ws': { target: upstream.url, headers: async () => ({ authorization: 'Bearer ws' }) } },
    })
    const handshake = httpRequest(`${proxy.url}/ws`, {
      agent: false,
      headers: {
        connection: 'upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    })
    handshake.on('error', () => {})
    handshake.end()
    onTestFinished(() => void handshake.destroy())
    await expect.poll(() => upstream.requests.length).toBe(1)
    expect(upstream.requests[0]?.kind).toBe('upgrade')
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer ws')
  })
  it('starts the clocks after the function: a slow one is no upstream timeout', async () => {
    const upstream = await upstreamForTest({ handle: answerOk })
    const proxy = await startProxy({
      routes: { '/api': { target: upstream.url, headers: slowHeaders, timeout: 100, connectTimeout: 100 } },
    })
    const res = await request(`${proxy.url}/api/me`)
    expect(res.status).toBe(200)
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer slow')
  })

  it('answers a websocket handshake 502 when the function rejects, nothing sent upstream', async () => {
    const upstream = await upstreamForTest({ refuseUpgrades: 403 })
    const proxy = await startProxy({
      routes: {
        '/ws': {
          target: upstream.url,
          headers: async () => {
            throw new Error('no token')
          },
        },
      },
    })
    const status = await new Promise<number | undefined>((resolve) => {
      const handshake = httpRequest(`${proxy.url}/ws`, {
        agent: false,
        headers: {
          connection: 'upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      })
      handshake.on('response', (res) => {
        resolve(res.statusCode)
        res.destroy()
      })
      handshake.on('error', () => resolve(undefined))
      handshake.end()
    })
    expect(status).toBe(502)
    expect(upstream.requests).toHaveLength(0)
    expect(proxy.logs.warnings().join('\n')).toContain('ERR_ROUTE_HEADERS_FAILED')
  })
})
