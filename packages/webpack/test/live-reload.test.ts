// Live reload in a real webpack-dev-server 5 (started through its API): an edit of
// sameorigin.config.ts or of an env file it reads serves the next request, without a restart and
// without a rebuild; a bad edit is printed once and the last good config keeps serving.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  answeredBy,
  connectWebSocket,
  createGate,
  request,
  toConfigModule,
  upstreamForTest,
} from '@sameorigin/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { SameOriginPlugin } from '../src/index.ts'
import { CountBuilds } from './_count-builds.ts'
import type { LogLine } from './_dev-server.ts'
import { createFixture, ours, startDevServer } from './_dev-server.ts'

/** A dev server on a fixture whose config the test edits; the lines of ours, by level. */
async function startWatched(files: Record<string, string>) {
  const root = createFixture(files)
  const counted = new CountBuilds()
  const server = await startDevServer({ root, plugins: [new SameOriginPlugin(), counted] })
  await vi.waitFor(() => expect(counted.builds).toBe(1), { timeout: 10_000 })
  const at = (level: LogLine['level']): string[] =>
    ours(server.lines)
      .filter((line) => line.level === level)
      .map((line) => line.message)
  const put = (name: string, text: string): void => writeFileSync(join(root, name), text)
  return { ...server, root, put, counted, infos: () => at('info'), errors: () => at('error') }
}

const CHANGED = /^\[sameorigin\] sameorigin\.config\.ts changed: /

describe('live reload in webpack-dev-server 5', () => {
  it('applies an edit of sameorigin.config.ts to the next request, says what changed once, and rebuilds nothing', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const server = await startWatched({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
    expect(await answeredBy(server.url, a)).toBe(true)
    const infos = server.infos().length

    server.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await vi.waitFor(() => expect(server.infos()).toHaveLength(infos + 1), { timeout: 10_000 })
    expect(server.infos().at(-1)).toBe(
      `[sameorigin] sameorigin.config.ts changed: routes changed /api → ${b.url}/ (was ${a.url}/)`,
    )
    expect(await answeredBy(server.url, b)).toBe(true)
    // The config is not part of the build: webpack's watcher never saw it change.
    expect(server.counted).toMatchObject({ builds: 1, invalidations: 0 })
  })

  it('applies an edit of an env file the config reads, and an env file created after the start', async () => {
    const [a, b, c] = [await upstreamForTest(), await upstreamForTest(), await upstreamForTest()]
    const server = await startWatched({
      'sameorigin.config.ts': toConfigModule({ '/api': '${API_TARGET}' }),
      '.env': `API_TARGET=${a.url}\n`,
    })
    expect(await answeredBy(server.url, a)).toBe(true)

    server.put('.env', `API_TARGET=${b.url}\n`)
    await vi.waitFor(() => expect(server.infos().some((line) => line.includes('.env changed'))).toBe(true), {
      timeout: 10_000,
    })
    expect(await answeredBy(server.url, b)).toBe(true)

    server.put('.env.development.local', `API_TARGET=${c.url}\n`)
    await vi.waitFor(() => expect(server.infos().at(-1)).toMatch(/\.env\.development\.local changed/), {
      timeout: 10_000,
    })
    expect(await answeredBy(server.url, c)).toBe(true)
    expect(server.counted).toMatchObject({ builds: 1, invalidations: 0 })
  })

  it('keeps the last good config on a bad edit and prints its problem once, at error level', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const server = await startWatched({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })

    server.put('sameorigin.config.ts', toConfigModule({ '/api': 'localhost:8080' }))
    await vi.waitFor(() => expect(server.errors()).toHaveLength(1), { timeout: 10_000 })
    const [problem] = server.errors()
    expect(problem).toMatch(
      /^\[sameorigin\] sameorigin\.config\.ts changed, but the config cannot be used; the last good one keeps serving\.\nERR_CONFIG_INVALID: /,
    )
    expect(problem).toContain("routes['/api']: 'localhost:8080' has no http:// or https:// scheme")
    expect(await answeredBy(server.url, a)).toBe(true)

    // The fix is applied and said, and the problem was printed only once.
    server.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await vi.waitFor(() => expect(server.infos().at(-1)).toMatch(CHANGED), { timeout: 10_000 })
    expect(await answeredBy(server.url, b)).toBe(true)
    expect(server.errors()).toHaveLength(1)
  })

  it('lets a request in flight finish on its config and keeps an open WebSocket', async () => {
    const gate = createGate()
    const a = await upstreamForTest({
      handle: (_req, res) => void gate.opened.then(() => res.end('from a')),
      websocket: (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)),
    })
    const b = await upstreamForTest()
    const server = await startWatched({
      'sameorigin.config.ts': toConfigModule({ '/api': { target: a.url, ws: true } }),
    })
    const socket = await connectWebSocket(`${server.url.replace('http:', 'ws:')}/api/socket`)
    const inFlight = request(`${server.url}/api/slow`)
    await vi.waitFor(() => expect(a.requests.some((seen) => seen.path === '/api/slow')).toBe(true))
    const infos = server.infos().length

    server.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await vi.waitFor(() => expect(server.infos()).toHaveLength(infos + 1), { timeout: 10_000 })
    expect(await answeredBy(server.url, b)).toBe(true)
    gate.open()
    expect((await inFlight).body).toBe('from a')
    socket.socket.send('still here')
    expect(await socket.waitFor((message) => message.startsWith('echo'))).toBe('echo still here')
  })
})
