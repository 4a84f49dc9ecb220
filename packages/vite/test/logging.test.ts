import { stripVTControlCharacters } from 'node:util'
import { request, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import type { LogLine } from './_vite.ts'
import { VITE8, startDev, startPreview } from './_vite.ts'

const TABLE = '[sameorigin] routes (first match wins):'
// Vite colours its URLs (and bolds the port inside them) whenever picocolors sees colour support,
// which includes any CI=... environment: compare the text without escape codes.
const indexOf = (lines: readonly LogLine[], text: string): number =>
  lines.findIndex((line) => stripVTControlCharacters(line.message).includes(text))
const ours = (lines: readonly LogLine[]): LogLine[] =>
  lines.filter((line) => line.message.includes('[sameorigin]'))

describe('startup output through Vite’s logger', () => {
  it.each([
    { name: 'dev', start: startDev },
    { name: 'preview', start: startPreview },
  ])('$name: prints the route table right after Vite’s URLs', async ({ start }) => {
    const upstream = await upstreamForTest()
    const plugins = [
      sameorigin({ routes: { '/api': upstream.url, '/auth': { target: upstream.url, ws: false } } }),
    ]
    const { server, lines, url } = await start(VITE8, { root: createFixture(), plugins })
    expect(ours(lines)).toEqual([])

    server.printUrls()
    const local = indexOf(lines, `${url}/`)
    expect(local).toBeGreaterThanOrEqual(0)
    expect(indexOf(lines, TABLE)).toBeGreaterThan(local)
    const table = lines[indexOf(lines, TABLE)]!
    expect(table).toMatchObject({ level: 'info', timestamp: false })
    expect(table.message).toMatch(new RegExp(`/api\\s+→ ${upstream.url}/\n`))
    expect(table.message).toMatch(new RegExp(`/auth\\s+→ ${upstream.url}/\\s+\\(no ws\\)`))
  })

  it('prints the config warnings after the table', async () => {
    const upstream = await upstreamForTest()
    // `/api` always matches first, so `/api/users` can never be reached.
    const plugins = [sameorigin({ routes: { '/api': upstream.url, '/api/users': upstream.url } })]
    const { server, lines } = await startDev(VITE8, { root: createFixture(), plugins })
    server.printUrls()

    const warnings = ours(lines).filter((line) => line.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(/^\[sameorigin\] routes\['\/api\/users'\]: /)
    expect(indexOf(lines, warnings[0]!.message)).toBeGreaterThan(indexOf(lines, TABLE))
  })

  it('warns once, naming every server.proxy key that overlaps a route, and leaves server.proxy alone', async () => {
    const [ourTarget, viteTarget] = [await upstreamForTest(), await upstreamForTest()]
    const proxy = { '/api': viteTarget.url, '^/v1/.*': viteTarget.url, '/legacy': viteTarget.url }
    const plugins = [sameorigin({ routes: { '/api/users': ourTarget.url, '/v1': ourTarget.url } })]
    const { server, lines, url } = await startDev(VITE8, {
      root: createFixture(),
      plugins,
      server: { proxy },
    })
    server.printUrls()

    const warnings = ours(lines).filter((line) => line.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toContain(
      `server.proxy has entries for paths sameorigin also routes: '/api' (route '/api/users'), '^/v1/.*' (route '/v1').`,
    )
    expect(warnings[0]!.message).not.toContain('/legacy')

    // Vite's proxy is untouched: its own paths still go where it says; overlapping ones meet sameorigin first.
    expect(Object.keys(server.config.server.proxy ?? {})).toEqual(Object.keys(proxy))
    await request(`${url}/legacy/x`)
    await request(`${url}/api/orders`)
    await request(`${url}/api/users/1`)
    expect(viteTarget.requests.map((recorded) => recorded.path)).toEqual(['/legacy/x', '/api/orders'])
    expect(ourTarget.requests.map((recorded) => recorded.path)).toEqual(['/api/users/1'])
  })

  it('logLevel silent prints nothing', async () => {
    const upstream = await upstreamForTest()
    const plugins = [
      sameorigin({ logLevel: 'silent', routes: { '/api': upstream.url, '/api/x': upstream.url } }),
    ]
    const { server, lines } = await startDev(VITE8, { root: createFixture(), plugins })
    server.printUrls()
    expect(indexOf(lines, '127.0.0.1')).toBeGreaterThanOrEqual(0)
    expect(ours(lines)).toEqual([])
  })

  it('logs an upstream failure through Vite’s logger, with its time stamp, and answers 502', async () => {
    const upstream = await upstreamForTest()
    await upstream.close()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { lines, url } = await startDev(VITE8, { root: createFixture(), plugins })

    const response = await request(`${url}/api/x`, { headers: { accept: 'application/json' } })
    expect(response.status).toBe(502)
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'ERR_UPSTREAM_UNREACHABLE' } })
    const [failure] = ours(lines)
    expect(failure).toMatchObject({ level: 'warn', timestamp: true })
    expect(failure?.message).toMatch(/^\[sameorigin\] .*ERR_UPSTREAM_UNREACHABLE/)
  })
})
