import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { WebSocket } from 'ws'
import { type Backend, startBackend } from '../src/index.mjs'
import { corsHeaders, send } from './_client.ts'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(async () => {
  await backend.close()
})

const events = (query = '') => send(`${backend.url}/api/events${query}`, 'GET')
const wsUrl = (url: string, path: string) => `${url.replace(/^http/, 'ws')}${path}`

describe('example backend streams and lifecycle', () => {
  it('streams server-sent events, one every 200 ms, then ends', async () => {
    const started = Date.now()
    const reply = await events('?count=3')
    expect(reply.headers['content-type']).toMatch(/^text\/event-stream/)
    expect(corsHeaders(reply.headers)).toEqual([])
    const received = reply.body.split('\n\n').filter(Boolean)
    expect(received).toEqual([1, 2, 3].map((n) => `id: ${n}\nevent: tick\ndata: {"n":${n},"of":3}`))
    expect(Date.now() - started).toBeGreaterThanOrEqual(550)

    const defaults = await events()
    expect(defaults.body.match(/^event: tick$/gm)).toHaveLength(5)
    expect((await events('?count=0')).body).toBe('')
    expect((await events('?count=lots')).status).toBe(400)
    expect((await events('?count=1001')).status).toBe(400)
  })

  it('echoes websocket messages on /api/ws, text as text and binary as binary', async () => {
    const ws = new WebSocket(wsUrl(backend.url, '/api/ws?room=1'))
    onTestFinished(() => ws.terminate())
    const upgrade = new Promise<Record<string, unknown>>((resolve) =>
      ws.once('upgrade', (res) => resolve(res.headers)),
    )
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    expect(corsHeaders(await upgrade)).toEqual([])
    const next = () =>
      new Promise<[Buffer, boolean]>((resolve) => ws.once('message', (d, b) => resolve([d as Buffer, b])))
    ws.send('hello')
    expect(await next()).toEqual([Buffer.from('hello'), false])
    ws.send(Buffer.from([0, 1, 2]))
    expect(await next()).toEqual([Buffer.from([0, 1, 2]), true])
  })

  it('refuses websocket upgrades on other paths with 404', async () => {
    const ws = new WebSocket(wsUrl(backend.url, '/api/other'))
    // With an `unexpected-response` listener, ending the attempt is ours to do (ws documents this).
    ws.on('error', () => {})
    const status = await new Promise((resolve) => {
      ws.once('unexpected-response', (req, res) => {
        req.destroy()
        resolve(res.statusCode)
      })
    })
    expect(status).toBe(404)
  })

  it('closes with an event stream and a websocket still open, and closes only once', async () => {
    const lines: string[] = []
    const own = await startBackend({ log: (line) => lines.push(line) })
    const ws = new WebSocket(wsUrl(own.url, '/api/ws'))
    await new Promise((resolve) => ws.once('open', resolve))
    const wsClosed = new Promise((resolve) => ws.once('close', resolve))
    let streamOpened: () => void
    const opened = new Promise<void>((resolve) => (streamOpened = resolve))
    const streamClosed = new Promise<void>((resolve) => {
      const req = request(`${own.url}/api/events?count=1000`, (res) => {
        res.once('data', () => streamOpened())
        res.once('close', resolve)
      })
      req.once('error', () => resolve())
      req.end()
    })
    await opened
    await Promise.all([own.close(), own.close()])
    await Promise.all([wsClosed, streamClosed])
    expect(lines).toContain('WS /api/ws open')
    await expect(fetch(`${own.url}/api/health`)).rejects.toThrow('fetch failed')
  })

  it('logs one line per request', async () => {
    const lines: string[] = []
    const own = await startBackend({ log: (line) => lines.push(line) })
    onTestFinished(() => own.close())
    await fetch(`${own.url}/api/health`)
    await fetch(`${own.url}/api/nope`)
    expect(lines).toEqual(['GET /api/health 200', 'GET /api/nope 404'])
  })
})
