import { startForwardProxy, startTap, TEST_CA } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createNodeClient } from '../../src/fetch/node/create-node-client.ts'
import { upstreamForTest } from '../engine/_start-proxy.ts'
import { CLIENTS, errorCode, startFetchProxy, streamOf } from './_fetch-proxy.ts'

describe('Fetch transport, Node client: TLS trust and forward proxies', () => {
  it('reaches an HTTPS target whose CA the route adds, and refuses it without', async () => {
    const upstream = await upstreamForTest({ https: true })
    const trusted = startFetchProxy(
      { routes: { '/api': { target: upstream.url, ca: TEST_CA } } },
      createNodeClient(),
    )
    expect((await trusted.send('/api/x'))?.status).toBe(200)
    const untrusted = startFetchProxy({ routes: { '/api': upstream.url } }, createNodeClient())
    const refused = await untrusted.send('/api/x')
    expect(refused?.status).toBe(502)
    expect(await errorCode(refused)).toBe('ERR_UPSTREAM_TLS_FAILED')
  })

  it('verifies nothing with secure: false, and warns once per route', async () => {
    const upstream = await upstreamForTest({ https: true })
    const { send, logs } = startFetchProxy(
      { routes: { '/api': { target: upstream.url, secure: false } } },
      createNodeClient(),
    )
    expect((await send('/api/a'))?.status).toBe(200)
    expect((await send('/api/b'))?.status).toBe(200)
    expect(logs.warnings().filter((line) => line.includes('secure: false'))).toHaveLength(1)
  })

  it('tunnels through HTTPS_PROXY from env, and names the proxy in the failure line', async () => {
    const upstream = await upstreamForTest({ https: true })
    const forward = await startForwardProxy()
    onTestFinished(() => forward.close())
    const target = `https://api.sameorigin.test:${upstream.port}`
    const env = { HTTPS_PROXY: forward.url }
    const { send } = startFetchProxy(
      { routes: { '/api': { target, ca: TEST_CA } } },
      createNodeClient({ env }),
    )
    expect((await send('/api/x'))?.status).toBe(200)
    expect(forward.connectTargets[0]).toBe(`api.sameorigin.test:${upstream.port}`)
    expect(upstream.requests[0]?.headers.host).toBe(`api.sameorigin.test:${upstream.port}`)
    const closed = await upstreamForTest()
    await closed.close()
    const down = startFetchProxy(
      { routes: { '/api': target } },
      createNodeClient({ env: { HTTPS_PROXY: `http://user:secret@127.0.0.1:${closed.port}` } }),
    )
    expect((await down.send('/api/x'))?.status).toBe(502)
    expect(down.logs.warnings()[0]).toContain(`via http://127.0.0.1:${closed.port}`)
    expect(down.logs.warnings()[0]).not.toContain('secret')
  })
})

// Request framing, read on the wire by a strict raw-TCP upstream (startTap): a Web body has no framing
// of its own, so the transport must frame it and never complete an upstream request the browser did not.
describe.each(CLIENTS)('Fetch transport request framing ($name)', ({ create }) => {
  it('sends an undeclared streamed body chunked, and the tap reads exactly it', async () => {
    const tap = await startTap()
    onTestFinished(() => tap.close())
    const { send } = startFetchProxy({ routes: { '/api': tap.url } }, create())
    const response = await send('/api/x', { method: 'POST', body: streamOf(['ab', 'cd']), duplex: 'half' })
    expect(response?.status).toBe(200)
    expect(tap.requests[0]?.framing).toBe('chunked')
    expect(tap.requests[0]?.body.toString()).toBe('abcd')
    expect(await tap.settledProblems()).toEqual([])
  })

  it('forwards a declared length exactly', async () => {
    const tap = await startTap()
    onTestFinished(() => tap.close())
    const { send } = startFetchProxy({ routes: { '/api': tap.url } }, create())
    const body = streamOf(['abc', 'de'])
    const response = await send('/api/x', {
      method: 'PUT',
      body,
      duplex: 'half',
      headers: { 'content-length': '5' },
    })
    expect(response?.status).toBe(200)
    expect(tap.requests[0]?.framing).toBe('length')
    expect(tap.requests[0]?.body.toString()).toBe('abcde')
  })

  it.each([
    ['shorter', ['abc'], '10'],
    ['longer', ['abcdef', 'ghij'], '5'],
  ])(
    'refuses a body %s than its Content-Length: 400, no complete request upstream',
    async (_name, chunks, length) => {
      const tap = await startTap()
      onTestFinished(() => tap.close())
      const { send, logs } = startFetchProxy({ routes: { '/api': tap.url } }, create())
      const body = streamOf(chunks)
      const response = await send('/api/x', {
        method: 'POST',
        body,
        duplex: 'half',
        headers: { 'content-length': length },
      })
      expect(response?.status).toBe(400)
      expect(await errorCode(response)).toBe('ERR_REQUEST_FRAMING_INVALID')
      expect(tap.requests).toHaveLength(0)
      expect(logs.warnings()).toHaveLength(1)
    },
  )

  it('never completes the upstream request of a body that errors mid-way', async () => {
    const tap = await startTap()
    onTestFinished(() => tap.close())
    const { send } = startFetchProxy({ routes: { '/api': tap.url } }, create())
    const body = streamOf(['abc'], new Error('client went away'))
    await send('/api/x', { method: 'POST', body, duplex: 'half' })
    expect(tap.requests).toHaveLength(0)
  })
})
