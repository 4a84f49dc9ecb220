import { rmSync } from 'node:fs'
import { createServer } from 'node:http'
import {
  answeredBy,
  connectWebSocket,
  countResources,
  createGate,
  listen,
  request,
  toConfigModule,
} from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { createProxy } from '../../src/engine/create-proxy.ts'
import type { ProxyError } from '../../src/errors/proxy-error.ts'
import { loadHostConfig } from '../../src/host/load-host-config.ts'
import type { SameOriginOptions } from '../../src/host/same-origin-options.ts'
import { watchConfig } from '../../src/host/watch-config.ts'
import { useTempWorkspace } from '../config/_temp-workspace.ts'
import { captureLogs, eventually, upstreamForTest } from '../engine/_start-proxy.ts'

const workspace = useTempWorkspace('sameorigin-watch-')

/** A dev server whose engine is kept on the config files of the temp workspace by `watchConfig`. */
async function startWatched(options: SameOriginOptions = {}) {
  const logs = captureLogs()
  const host = { root: workspace.dir, mode: 'development' }
  const resolved = await loadHostConfig(options, host)
  const engine = createProxy(resolved, { logger: logs, env: {} })
  const problems: (ProxyError | undefined)[] = []
  const watcher = watchConfig(options, {
    ...host,
    current: resolved,
    logger: logs,
    apply: (next) => engine.update(next),
    onProblem: (problem) => problems.push(problem),
  })
  const server = createServer((req, res) => engine.middleware(req, res, () => res.end('host')))
  server.on('upgrade', (req, socket, head) => engine.upgrade(req, socket, head) || socket.destroy())
  const listening = await listen(server)
  onTestFinished(async () => {
    await watcher.close()
    await listening.close()
    await engine.close()
  })
  await watcher.ready
  const infos = () => logs.lines.filter((line) => line.level === 'info').map((line) => line.message)
  const errors = () => logs.lines.filter((line) => line.level === 'error').map((line) => line.message)
  return { url: listening.url, engine, watcher, logs, problems, infos, errors }
}

describe('watchConfig', () => {
  it('applies an edit of the config file to the next request, with one line saying what changed', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const file = workspace.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const proxy = await startWatched()
    expect(await answeredBy(proxy.url, a)).toBe(true)

    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': b.url, '/v2': a.url }))
    await eventually(() => proxy.infos().some((line) => line.includes('changed')), 5000)
    expect(await answeredBy(proxy.url, b)).toBe(true)
    expect(proxy.infos()).toEqual([
      `[sameorigin] sameorigin.config.ts changed: routes added /v2 → ${a.url}/; changed /api → ${b.url}/ (was ${a.url}/)`,
    ])
    expect(proxy.watcher.files).toContain(file)
  })

  it('keeps the last good config on a bad edit, prints its problems once, and clears them when fixed', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const proxy = await startWatched()

    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': 'ftp://nowhere' }))
    await eventually(() => proxy.errors().length === 1, 5000)
    expect(await answeredBy(proxy.url, a)).toBe(true)
    const [error] = proxy.errors()
    expect(error).toContain(
      'sameorigin.config.ts changed, but the config cannot be used; the last good one keeps serving.',
    )
    expect(error).toContain('ERR_CONFIG_INVALID')
    expect(error).toContain("routes['/api']")
    expect(proxy.problems.map((problem) => problem?.code)).toEqual(['ERR_CONFIG_INVALID'])

    // The same problem saved again is not printed again; a new one is.
    workspace.put('sameorigin.config.ts', `${toConfigModule({ '/api': 'ftp://nowhere' })}\n`)
    workspace.put('sameorigin.config.ts', 'export default { routes: { ')
    await eventually(() => proxy.errors().length === 2, 5000)
    expect(proxy.errors()[1]).toContain('ERR_CONFIG_LOAD_FAILED')
    expect(await answeredBy(proxy.url, a)).toBe(true)

    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await eventually(() => proxy.problems.length === 3, 5000)
    expect(proxy.problems[2]).toBeUndefined()
    expect(await answeredBy(proxy.url, b)).toBe(true)
    expect(proxy.errors()).toHaveLength(2)
  })

  it('reloads when an env file the targets read changes, or appears', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': '${API_TARGET}' }))
    workspace.put('.env', `API_TARGET=${a.url}\n`)
    const proxy = await startWatched()
    expect(await answeredBy(proxy.url, a)).toBe(true)

    workspace.put('.env.development.local', `API_TARGET=${b.url}\n`)
    await eventually(() => proxy.infos().length === 1, 5000)
    expect(proxy.infos()[0]).toMatch(
      /^\[sameorigin\] \.env\.development\.local changed: routes changed \/api/,
    )
    expect(await answeredBy(proxy.url, b)).toBe(true)
  })

  it('reads again the variables a host copied from the env files into process.env (Next, Rsbuild)', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': '${SAMEORIGIN_TEST_COPIED}' }))
    workspace.put('.env', `SAMEORIGIN_TEST_COPIED=${b.url}\n`)
    const local = workspace.put('.env.local', `SAMEORIGIN_TEST_COPIED=${a.url}\n`)
    // What Next does before any module of the app runs: the files' values, copied into process.env.
    vi.stubEnv('SAMEORIGIN_TEST_COPIED', a.url)
    onTestFinished(() => void vi.unstubAllEnvs())
    const proxy = await startWatched()
    expect(await answeredBy(proxy.url, a)).toBe(true)

    rmSync(local)
    await eventually(() => proxy.infos().length === 1, 5000)
    expect(proxy.infos()[0]).toContain('.env.local changed: routes changed /api')
    expect(await answeredBy(proxy.url, b)).toBe(true)
  })

  it('lets a variable of the shell win over the env files, on every reload', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': '${SAMEORIGIN_TEST_SHELL}' }))
    workspace.put('.env', `SAMEORIGIN_TEST_SHELL=${b.url}\n`)
    vi.stubEnv('SAMEORIGIN_TEST_SHELL', a.url)
    onTestFinished(() => void vi.unstubAllEnvs())
    const proxy = await startWatched()
    workspace.put('.env', `SAMEORIGIN_TEST_SHELL=${b.url}/v2\n`)
    await eventually(() => proxy.infos().length === 1, 5000)
    expect(proxy.infos()[0]).toContain('.env changed: routes unchanged')
    expect(await answeredBy(proxy.url, a)).toBe(true)
  })

  it('picks up a config file written after the server started', async () => {
    const a = await upstreamForTest()
    const proxy = await startWatched()
    expect((await request(`${proxy.url}/api/x`)).body).toBe('host')
    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    await eventually(() => proxy.infos().length === 1, 5000)
    expect(await answeredBy(proxy.url, a)).toBe(true)
  })

  it('lets a request in flight finish on the config it started with, and keeps open websockets', async () => {
    const gate = createGate()
    const a = await upstreamForTest({
      handle: (_req, res) =>
        void gate.opened.then(() => res.writeHead(302, { location: `${a.url}/api/home` }).end()),
      websocket: (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)),
    })
    const b = await upstreamForTest()
    workspace.put(
      'sameorigin.config.ts',
      `export default { routes: { '/api': { target: '${a.url}', ws: true } } }\n`,
    )
    const proxy = await startWatched()
    const socket = await connectWebSocket(`${proxy.url.replace('http', 'ws')}/api/socket`)
    const inFlight = request(`${proxy.url}/api/slow`)
    await eventually(() => a.requests.some((seen) => seen.path === '/api/slow'), 5000)

    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await eventually(() => proxy.infos().length === 1, 5000)
    gate.open()
    // The redirect is rewritten by the old route (target a); the new one would leave it pointing at a.
    expect((await inFlight).headers.location).toBe('/api/home')
    expect(await answeredBy(proxy.url, b)).toBe(true)
    socket.socket.send('still here')
    expect(await socket.waitFor((message) => message.startsWith('echo'))).toBe('echo still here')
  })

  it('leaves no watcher, timer or listener behind after 50 edits', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    workspace.put('sameorigin.config.ts', toConfigModule({ '/api': a.url }))
    const proxy = await startWatched()
    expect(await answeredBy(proxy.url, a)).toBe(true)
    const before = countResources()
    for (let edit = 1; edit <= 50; edit++) {
      const target = edit % 2 === 0 ? a.url : b.url
      workspace.put('sameorigin.config.ts', toConfigModule({ '/api': target, [`/edit${edit}`]: a.url }))
      await eventually(() => proxy.infos().length === edit, 5000)
    }
    expect(await answeredBy(proxy.url, a)).toBe(true)
    // Pooled upstream sockets are the agents' to keep (one per upstream here); they are not counted.
    // Timers of requests that just ended may still be due: the count may only fall.
    await eventually(() => countResources().timers <= before.timers, 2000)
    expect({ ...countResources(), timers: 0 }).toEqual({ ...before, timers: 0 })
  })
})
