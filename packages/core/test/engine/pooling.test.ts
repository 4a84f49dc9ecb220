import { Agent } from 'node:http'
import { request, TEST_CA } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { eventually, startProxy, upstreamForTest } from './_start-proxy.ts'

describe('upstream connection pooling', () => {
  it.each([
    { scheme: 'http', https: false },
    { scheme: 'https', https: true },
  ])('50 sequential requests open at most 2 upstream connections ($scheme)', async ({ https }) => {
    const upstream = await upstreamForTest({ https })
    const proxy = await startProxy({ routes: { '/api': { target: upstream.url, ca: TEST_CA } } })
    const client = new Agent({ keepAlive: true, maxSockets: 1 })
    onTestFinished(() => client.destroy())
    for (let i = 0; i < 50; i++) {
      const res = await request(`${proxy.url}/api/${i}`, { agent: client })
      expect(res.status).toBe(200)
    }
    expect(upstream.requests).toHaveLength(50)
    expect(upstream.connections).toBeGreaterThanOrEqual(1)
    expect(upstream.connections).toBeLessThanOrEqual(2)
  })

  // Regression: with maxFreeSockets below the burst width, Node destroyed the surplus idle sockets
  // after each burst, and the next burst opened them again (found by bench/, scenario 1).
  it('keeps every socket of a concurrent burst for the next one', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    const client = new Agent({ keepAlive: true, maxSockets: 32 })
    onTestFinished(() => client.destroy())
    for (let round = 0; round < 3; round++) {
      const burst = Array.from({ length: 32 }, (_, i) =>
        request(`${proxy.url}/api/${round}/${i}`, { agent: client }),
      )
      for (const res of await Promise.all(burst)) expect(res.status).toBe(200)
    }
    expect(upstream.requests).toHaveLength(96)
    expect(upstream.connections).toBeLessThanOrEqual(32)
  })

  it('gives every engine its own agents, and close() destroys them', async () => {
    const upstream = await upstreamForTest()
    const first = await startProxy({ routes: { '/api': upstream.url } })
    const second = await startProxy({ routes: { '/api': upstream.url } })
    await request(`${first.url}/api/a`)
    await request(`${second.url}/api/b`)
    // Two engines, two pools: neither reuses the other's idle socket.
    expect(upstream.connections).toBe(2)
    await eventually(() => upstream.openConnections === 2)
    await first.engine.close()
    await eventually(() => upstream.openConnections === 1)
    const res = await request(`${second.url}/api/c`)
    expect(res.status).toBe(200)
    expect(upstream.connections).toBe(2)
  })

  it('hands requests to the host once closed', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    await proxy.engine.close()
    const res = await request(`${proxy.url}/api/x`)
    expect(res.headers['x-host']).toBe('1')
    expect(upstream.requests).toHaveLength(0)
  })
})
