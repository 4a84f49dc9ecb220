import { request, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import type { LogLine } from './_rsbuild.ts'
import { RSBUILDS, SERVERS, startDev } from './_rsbuild.ts'

const TABLE = '[sameorigin] routes (first match wins):'
const indexOf = (lines: readonly LogLine[], text: string): number =>
  lines.findIndex((line) => line.message.includes(text))
const ours = (lines: readonly LogLine[]): LogLine[] =>
  lines.filter((line) => line.message.includes('[sameorigin]'))

describe('startup output through Rsbuild’s logger', () => {
  it.for(
    RSBUILDS.flatMap(({ name, rsbuild }) => SERVERS.map((server) => ({ ...server, version: name, rsbuild }))),
  )('$version $name: prints the route table right after Rsbuild’s URLs', async ({ start, rsbuild }) => {
    const upstream = await upstreamForTest()
    const plugins = [
      pluginSameOrigin({ routes: { '/api': upstream.url, '/auth': { target: upstream.url, ws: false } } }),
    ]
    const { lines } = await start({ rsbuild, root: createFixture(), plugins })

    await expect.poll(() => indexOf(lines, TABLE)).toBeGreaterThan(0)
    // Rsbuild's URL block (`➜  Local:    http://127.0.0.1:<port>/`), one log line.
    const local = indexOf(lines, 'Local:')
    expect(local).toBeGreaterThanOrEqual(0)
    expect(indexOf(lines, TABLE)).toBe(local + 1)
    const table = lines[indexOf(lines, TABLE)]!
    expect(table.stream).toBe('log')
    expect(table.message).toMatch(new RegExp(`/api\\s+→ ${upstream.url}/\n`))
    expect(table.message).toMatch(new RegExp(`/auth\\s+→ ${upstream.url}/\\s+\\(no ws\\)`))
  })

  it('warns once, naming every server.proxy entry that overlaps a route, and leaves server.proxy alone', async () => {
    const [ourTarget, theirTarget] = [await upstreamForTest(), await upstreamForTest()]
    const proxy = { '/api': theirTarget.url, '/v1/**': theirTarget.url, '/legacy': theirTarget.url }
    const plugins = [pluginSameOrigin({ routes: { '/api/users': ourTarget.url, '/v1': ourTarget.url } })]
    const { lines, url } = await startDev({ root: createFixture(), plugins, server: { proxy } })

    await expect.poll(() => ours(lines).filter((line) => line.stream === 'warn')).toHaveLength(1)
    const [warning] = ours(lines).filter((line) => line.stream === 'warn')
    expect(warning!.message).toContain(
      `server.proxy has entries for paths sameorigin also routes: '/api' (route '/api/users'), '/v1/**' (route '/v1').`,
    )
    expect(warning!.message).not.toContain('/legacy')

    // Rsbuild's proxy still takes its own paths; overlapping ones meet sameorigin first.
    await request(`${url}/legacy/x`)
    await request(`${url}/api/orders`)
    await request(`${url}/api/users/1`)
    expect(theirTarget.requests.map((recorded) => recorded.path)).toEqual(['/legacy/x', '/api/orders'])
    expect(ourTarget.requests.map((recorded) => recorded.path)).toEqual(['/api/users/1'])
  })

  it('logLevel silent prints nothing', async () => {
    const upstream = await upstreamForTest()
    const plugins = [
      pluginSameOrigin({ logLevel: 'silent', routes: { '/api': upstream.url, '/api/x': upstream.url } }),
    ]
    const { lines, port } = await startDev({ root: createFixture(), plugins })
    await expect.poll(() => indexOf(lines, `http://127.0.0.1:${port}/`)).toBeGreaterThanOrEqual(0)
    expect(ours(lines)).toEqual([])
  })

  it('logs an upstream failure through Rsbuild’s logger and answers 502', async () => {
    const upstream = await upstreamForTest()
    await upstream.close()
    const { lines, url } = await startDev({
      root: createFixture(),
      plugins: [pluginSameOrigin({ routes: { '/api': upstream.url } })],
    })

    const response = await request(`${url}/api/x`, { headers: { accept: 'application/json' } })
    expect(response.status).toBe(502)
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'ERR_UPSTREAM_UNREACHABLE' } })
    const failure = ours(lines).find(
      (line) => line.stream === 'warn' && line.message.includes('ERR_UPSTREAM_UNREACHABLE'),
    )
    expect(failure?.message).toMatch(/\[sameorigin\] .*ERR_UPSTREAM_UNREACHABLE/)
  })
})
