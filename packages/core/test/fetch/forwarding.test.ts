import type { IncomingMessage } from 'node:http'
import { createGate } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { upstreamForTest } from '../engine/_start-proxy.ts'
import { CLIENTS, errorCode, startFetchProxy, streamOf } from './_fetch-proxy.ts'

interface Echo {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}

describe.each(CLIENTS)('Fetch transport forwarding ($name)', ({ create }) => {
  it('forwards method, path, query, headers and body, and rewrites the answer', async () => {
    const upstream = await upstreamForTest({
      handle: (req, res) => {
        let body = ''
        req.on('data', (chunk: Buffer) => (body += chunk.toString()))
        req.on('end', () => {
          res.setHeader('set-cookie', ['sid=1; Domain=api.example.com; Path=/', 'b=2'])
          res.setHeader('location', `${upstream.url}/api/next`)
          res.statusCode = 201
          res.end(JSON.stringify({ method: req.method, path: req.url, headers: req.headers, body }))
        })
      },
    })
    const { send, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const response = await send('/api/items?x=1', {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain' },
    })
    expect(response?.status).toBe(201)
    expect(response?.headers.getSetCookie()).toEqual(['sid=1; Path=/', 'b=2'])
    expect(response?.headers.get('location')).toBe('/api/next')
    const echo = (await response?.json()) as Echo
    expect(echo).toMatchObject({ method: 'POST', path: '/api/items?x=1', body: 'hello' })
    expect(echo.headers['x-forwarded-for']).toBe('127.0.0.1')
    expect(echo.headers['x-forwarded-host']).toBe('localhost:5173')
    expect(logs.warnings()).toEqual([])
  })

  it('leaves requests no route matches to the host (undefined)', async () => {
    const upstream = await upstreamForTest()
    const { send } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    expect(await send('/app')).toBeUndefined()
    expect(upstream.requests).toHaveLength(0)
  })

  it('streams the upload and the download, chunk by chunk', async () => {
    const gate = createGate()
    let received = ''
    const upstream = await upstreamForTest({
      handle: (req: IncomingMessage, res) => {
        req.on('data', (chunk: Buffer) => (received += chunk.toString()))
        req.on('end', () => {
          res.write('first;')
          void gate.opened.then(() => res.end('second'))
        })
      },
    })
    const { send } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const response = await send('/api/up', { method: 'PUT', body: streamOf(['a', 'b', 'c']), duplex: 'half' })
    const reader = response!.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder().decode(first.value)).toBe('first;')
    expect(received).toBe('abc')
    gate.open()
    let rest = ''
    for (let next = await reader.read(); !next.done; next = await reader.read())
      rest += new TextDecoder().decode(next.value)
    expect(rest).toBe('second')
  })

  it('sends no body for an empty undeclared one, and no body to the browser for HEAD and 204', async () => {
    const upstream = await upstreamForTest({
      handle: (req, res) => {
        req.resume()
        res.statusCode = req.url === '/api/none' ? 204 : 200
        res.end(req.method === 'HEAD' || res.statusCode === 204 ? undefined : 'body')
      },
    })
    const { send } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const empty = await send('/api/x', { method: 'POST', body: streamOf([]), duplex: 'half' })
    expect(empty?.status).toBe(200)
    expect(upstream.requests[0]?.headers['content-length']).toBe('0')
    expect(upstream.requests[0]?.headers['transfer-encoding']).toBeUndefined()
    const head = await send('/api/x', { method: 'HEAD' })
    expect(head?.body).toBeNull()
    const none = await send('/api/none', { method: 'DELETE' })
    expect(none?.status).toBe(204)
    expect(none?.body).toBeNull()
  })

  it('does not send Expect upstream', async () => {
    const upstream = await upstreamForTest()
    const { send } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const response = await send('/api/x', { method: 'POST', body: 'x', headers: { expect: '100-continue' } })
    expect(response?.status).toBe(200)
    expect(upstream.requests[0]?.headers.expect).toBeUndefined()
  })

  it('answers 502 JSON or HTML by Accept when the upstream is down, with one warn line', async () => {
    const closed = await upstreamForTest()
    await closed.close()
    const { send, logs } = startFetchProxy({ routes: { '/api': closed.url } }, create())
    const json = await send('/api/x')
    expect(json?.status).toBe(502)
    expect(json?.headers.get('content-type')).toContain('application/json')
    expect(await errorCode(json)).toBe('ERR_UPSTREAM_UNREACHABLE')
    const html = await send('/api/x', { headers: { accept: 'text/html' } })
    expect(html?.status).toBe(502)
    expect(html?.headers.get('content-type')).toContain('text/html')
    expect(await html?.text()).toContain('ERR_UPSTREAM_UNREACHABLE')
    expect(logs.warnings()).toHaveLength(2)
    expect(logs.warnings()[0]).toContain('GET /api/x → ')
  })

  it('errors the body (never a short one) when the upstream breaks off after the head', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-length': '100' })
        res.write('partial')
        setTimeout(() => res.socket?.destroy(), 20)
      },
    })
    const { send, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const response = await send('/api/x')
    expect(response?.status).toBe(200)
    await expect(response!.text()).rejects.toThrow(/./)
    expect(logs.warnings()).toHaveLength(1)
  })
})
