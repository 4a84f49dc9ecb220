import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RecordedRequest } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import type { HeadersFunction } from '../../src/types.ts'
import { upstreamForTest } from '../engine/_start-proxy.ts'
import { CLIENTS, errorCode, startFetchProxy } from './_fetch-proxy.ts'

/** Answers `ok` with the body it read: the record holds the body, no header is echoed. */
function answerOk(req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    recorded.body = Buffer.concat(chunks).toString('utf8')
    res.end(`ok ${recorded.body}`)
  })
}

async function toJson(response: Response | undefined): Promise<unknown> {
  if (response === undefined) throw new Error('the proxy left the request to the host')
  return response.json()
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(CLIENTS)('a headers function (Fetch transport, $name)', ({ create }) => {
  async function start(headers: HeadersFunction) {
    const upstream = await upstreamForTest({ handle: answerOk })
    const proxy = startFetchProxy({ routes: { '/api': { target: upstream.url, headers } } }, create())
    return { upstream, ...proxy }
  }

  it('is called per request, its values reach the upstream and never the browser', async () => {
    let count = 0
    const { upstream, send } = await start((req) => {
      count += 1
      return { authorization: `Bearer token-${count}:${req.method}:${req.path}` }
    })
    for (let i = 0; i < 2; i++) {
      const response = await send('/api/me')
      expect(response?.status).toBe(200)
      expect(JSON.stringify([...(response?.headers ?? [])])).not.toContain('token-')
      expect(await response?.text()).not.toContain('token-')
    }
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer token-1:GET:/api/me',
      'Bearer token-2:GET:/api/me',
    ])
  })

  it('waits for an async function, the request body intact', async () => {
    const { upstream, send } = await start(async () => {
      await sleep(30)
      return { 'x-token': 'late' }
    })
    const response = await send('/api/upload', { method: 'POST', body: 'hello body' })
    expect(await response?.text()).toBe('ok hello body')
    expect(upstream.requests[0]?.headers['x-token']).toBe('late')
  })

  it('refuses a bad value with 500 ERR_ROUTE_HEADERS_INVALID, nothing sent upstream', async () => {
    const { upstream, send, logs } = await start(() => ({ authorization: 'a\nb' }))
    const response = await send('/api/me', { method: 'POST', body: 'x' })
    expect(response?.status).toBe(500)
    expect(await errorCode(response)).toBe('ERR_ROUTE_HEADERS_INVALID')
    expect(upstream.requests).toHaveLength(0)
    expect(logs.warnings().join('\n')).toContain('ERR_ROUTE_HEADERS_INVALID')
  })

  it('answers 502 ERR_ROUTE_HEADERS_FAILED when it rejects, with its message and route', async () => {
    const { upstream, send } = await start(async () => {
      throw new Error('refresh failed')
    })
    const response = await send('/api/me')
    expect(response?.status).toBe(502)
    const { error } = (await toJson(response)) as { error: { code: string; message: string; route: string } }
    expect(error).toMatchObject({ code: 'ERR_ROUTE_HEADERS_FAILED', route: '/api' })
    expect(error.message).toContain('refresh failed')
    expect(upstream.requests).toHaveLength(0)
  })

  it('sends nothing when the browser leaves while the function is pending', async () => {
    let release: ((value: Record<string, string>) => void) | undefined
    const { upstream, send, logs } = await start(() => new Promise((resolve) => (release = resolve)))
    const abort = new AbortController()
    const pending = send('/api/me', { signal: abort.signal })
    await sleep(20)
    abort.abort()
    release?.({ authorization: 'Bearer t' })
    await pending.catch(() => undefined)
    await sleep(50)
    expect(upstream.requests).toHaveLength(0)
    expect(logs.warnings()).toEqual([])
  })
})
