import { request } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve-config.ts'
import { formatRouteTable } from '../../src/logging/format-route-table.ts'
import { toLogSafe } from '../../src/internal/to-log-safe.ts'
import { startProxy, upstreamForTest } from './_start-proxy.ts'

describe('logging', () => {
  it('writes one line per request at debug: method, path → upstream URL, status, ms', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ logLevel: 'debug', routes: { '/api': `${upstream.url}/v1` } })
    await request(`${proxy.url}/api/users?page=2`)
    await request(`${proxy.url}/elsewhere`)
    const lines = proxy.logs.lines.filter((line) => line.level === 'info').map((line) => line.message)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(`^\\[sameorigin\\] GET /api/users\\?page=2 → ${upstream.url}/v1/users\\?page=2 200 \\d+ms$`),
    )
  })

  it('writes nothing per request at the default level', async () => {
    const upstream = await upstreamForTest()
    const proxy = await startProxy({ routes: { '/api': upstream.url } })
    await request(`${proxy.url}/api/users`)
    expect(proxy.logs.lines).toEqual([])
  })

  it('makes client-controlled text safe for one log line', () => {
    expect(toLogSafe('/api/x\r\n[sameorigin] fake\u001b[31m')).toBe(
      '/api/x\\x0d\\x0a[sameorigin] fake\\x1b[31m',
    )
    expect(toLogSafe('/'.repeat(400))).toHaveLength(301)
  })
})

describe('formatRouteTable', () => {
  it('lists routes in match order with what differs from the defaults', () => {
    const resolved = resolveConfig(
      {
        routes: [
          { path: '/api', target: 'http://127.0.0.1:8080' },
          {
            path: '/auth',
            target: 'https://staging.example.com/v1',
            secure: false,
            ws: false,
            timeout: 5000,
          },
        ],
      },
      { env: {} },
    )
    expect(formatRouteTable(resolved)).toBe(
      [
        'routes (first match wins):',
        '  /api   → http://127.0.0.1:8080/',
        '  /auth  → https://staging.example.com/v1  (no ws, TLS unverified, timeout 5000ms)',
      ].join('\n'),
    )
  })

  it('shows a headers function', () => {
    const resolved = resolveConfig(
      {
        routes: {
          '/api': { target: 'http://127.0.0.1:8080', headers: () => ({ authorization: 'Bearer t' }) },
        },
      },
      { env: {} },
    )
    expect(formatRouteTable(resolved)).toBe(
      ['routes (first match wins):', '  /api  → http://127.0.0.1:8080/  (headers function)'].join('\n'),
    )
  })

  it('says so when there are no routes', () => {
    expect(formatRouteTable(resolveConfig({}, { env: {} }))).toBe(
      'no routes: every request is left to the dev server',
    )
  })
})
