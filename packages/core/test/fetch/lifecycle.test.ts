import { startSilentServer } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { eventually, upstreamForTest } from '../engine/_start-proxy.ts'
import { CLIENTS, errorCode, startFetchProxy } from './_fetch-proxy.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(CLIENTS)('Fetch transport clocks and lifecycle ($name)', ({ name, create }) => {
  it('answers 504 ERR_UPSTREAM_TIMEOUT when the upstream stays silent, and aborts it', async () => {
    const upstream = await upstreamForTest({ handle: () => {} })
    const { send, logs } = startFetchProxy(
      { routes: { '/api': { target: upstream.url, timeout: 150 } } },
      create(),
    )
    const response = await send('/api/slow')
    expect(response?.status).toBe(504)
    expect(await errorCode(response)).toBe('ERR_UPSTREAM_TIMEOUT')
    expect(logs.warnings()).toHaveLength(1)
    await eventually(() => upstream.requests[0]?.aborted === true, 5000)
  })

  it.runIf(name === 'node client')(
    'answers 504 ERR_UPSTREAM_CONNECT_TIMEOUT when TLS never completes',
    async () => {
      const port = await startSilentServer()
      const target = `https://127.0.0.1:${port}`
      const { send } = startFetchProxy({ routes: { '/api': { target, connectTimeout: 150 } } }, create())
      const response = await send('/api/x')
      expect(response?.status).toBe(504)
      expect(await errorCode(response)).toBe('ERR_UPSTREAM_CONNECT_TIMEOUT')
    },
  )

  it('lets an event stream stay quiet longer than timeout', async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.write(': open\n\n')
        setTimeout(() => res.end('data: late\n\n'), 400)
      },
    })
    const { send, logs } = startFetchProxy(
      { routes: { '/api': { target: upstream.url, timeout: 150 } } },
      create(),
    )
    const response = await send('/api/events')
    expect(await response?.text()).toBe(': open\n\ndata: late\n\n')
    expect(logs.warnings()).toEqual([])
  })

  it('never cuts a slow reader: only upstream silence counts', async () => {
    const chunk = 'x'.repeat(64 * 1024)
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        for (let i = 0; i < 32; i++) res.write(chunk)
        res.end()
      },
    })
    const { send, logs } = startFetchProxy(
      { routes: { '/api': { target: upstream.url, timeout: 150 } } },
      create(),
    )
    const response = await send('/api/big')
    const reader = response!.body!.getReader()
    let bytes = 0
    await sleep(400)
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytes += next.value.byteLength
      if (bytes < 256 * 1024) await sleep(100)
    }
    expect(bytes).toBe(32 * chunk.length)
    expect(logs.warnings()).toEqual([])
  })

  it('aborts the upstream request when the browser leaves, and logs nothing', async () => {
    const upstream = await upstreamForTest({ handle: (_req, res) => void res.write('start') })
    const { send, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const controller = new AbortController()
    const response = await send('/api/x', { signal: controller.signal })
    expect(response?.status).toBe(200)
    controller.abort()
    await eventually(() => upstream.requests[0]?.aborted === true, 5000)
    const cancelled = await send('/api/y')
    await cancelled?.body?.cancel()
    await eventually(() => upstream.requests[1]?.aborted === true)
    expect(logs.warnings()).toEqual([])
  })

  it('close() destroys what is in flight', async () => {
    const upstream = await upstreamForTest({ handle: () => {} })
    const { proxy, send, logs } = startFetchProxy({ routes: { '/api': upstream.url } }, create())
    const pending = send('/api/x')
    await eventually(() => upstream.requests.length === 1)
    await proxy.close()
    expect((await pending)?.status).toBe(502)
    // The runtime's connection pool is the runtime's: its client can only abort the request.
    if (name === 'node client') await eventually(() => upstream.openConnections === 0)
    expect(logs.warnings()).toEqual([])
    expect(await send('/api/x')).toBeUndefined()
  })
})
