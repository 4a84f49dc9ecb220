// Live reload of `sameorigin serve`: the real bin on port 0 and real files edited on disk; the next
// request follows the edit, what was in flight finishes on its config, and closing leaves no watcher.
import { writeFileSync } from 'node:fs'
import process from 'node:process'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import {
  answeredBy,
  connectWebSocket,
  countFileWatches,
  createGate,
  request,
  toConfigModule,
  upstreamForTest,
} from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { createContext } from '../../src/context.ts'
import { runCli } from '../../src/run-cli.ts'
import { emptyFolder, startServe } from '../_serve.ts'

describe('sameorigin serve: live reload', () => {
  it('applies an edit of the config file to the next request, with one line saying what changed', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const cwd = emptyFolder()
    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': a.url }))
    const { url, running } = await startServe([], cwd)
    expect(await answeredBy(url, a)).toBe(true)

    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': b.url, '/v2': a.url }))
    const [line] = await running.waitFor(/^.*changed: .*$/m)
    expect(line).toBe(
      `[sameorigin] sameorigin.config.ts changed: routes added /v2 → ${a.url}/; changed /api → ${b.url}/ (was ${a.url}/)`,
    )
    expect(await answeredBy(url, b)).toBe(true)
    const ended = await running.stop()
    expect(ended.code).toBe(0)
    expect(ended.stdout.match(/changed:/g)).toHaveLength(1)
  })

  it('lets a request in flight finish on its config, and keeps an open websocket', async () => {
    const gate = createGate()
    const a = await upstreamForTest({
      handle: (_req, res) =>
        void gate.opened.then(() => res.writeHead(302, { location: `${a.url}/api/home` }).end()),
      websocket: (socket) => socket.on('message', (data) => socket.send(`echo ${String(data)}`)),
    })
    const b = await upstreamForTest()
    const cwd = emptyFolder()
    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': { target: a.url, ws: true } }))
    const { url, running } = await startServe([], cwd)
    const socket = await connectWebSocket(`${url.replace('http', 'ws')}/api/socket`)
    const inFlight = request(`${url}/api/slow`)
    await expect.poll(() => a.requests.some((seen) => seen.path === '/api/slow')).toBe(true)

    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': b.url }))
    await running.waitFor(/changed: routes changed \/api/)
    gate.open()
    // The redirect is rewritten by the route it started on (target a); the new route would leave it.
    expect((await inFlight).headers.location).toBe('/api/home')
    expect(await answeredBy(url, b)).toBe(true)
    socket.socket.send('still here')
    expect(await socket.waitFor((message) => message.startsWith('echo'))).toBe('echo still here')
  })

  it('keeps the last good config on a bad edit, prints its problems once, and takes the fix', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const cwd = emptyFolder()
    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': a.url }))
    const { url, running } = await startServe([], cwd)

    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': 'ftp://nowhere' }))
    await running.waitFor(/ERR_CONFIG_INVALID/, 'stderr')
    expect(await answeredBy(url, a)).toBe(true)
    expect(await answeredBy(url, a)).toBe(true)

    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': b.url }))
    await running.waitFor(/changed: routes changed \/api/)
    expect(await answeredBy(url, b)).toBe(true)
    const { stderr } = await running.stop()
    expect(stderr).toContain(
      'sameorigin.config.ts changed, but the config cannot be used; the last good one keeps serving.',
    )
    expect(stderr).toContain("routes['/api']")
    expect(stderr.match(/cannot be used/g)).toHaveLength(1)
  })

  it('applies an edit of an env file the config reads, or one created after the start', async () => {
    const a = await upstreamForTest()
    const b = await upstreamForTest()
    const cwd = emptyFolder()
    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': '${API_TARGET}' }))
    writeFileSync(join(cwd, '.env'), `API_TARGET=${a.url}\n`)
    const { url, running } = await startServe([], cwd)
    expect(await answeredBy(url, a)).toBe(true)

    writeFileSync(join(cwd, '.env.development.local'), `API_TARGET=${b.url}\n`)
    const [line] = await running.waitFor(/^.*changed: .*$/m)
    expect(line).toBe(
      `[sameorigin] .env.development.local changed: routes changed /api → ${b.url}/ (was ${a.url}/)`,
    )
    expect(await answeredBy(url, b)).toBe(true)
  })

  // The watches are counted in /proc (Linux): chokidar's non-persistent watches are no active resource.
  it.runIf(process.platform === 'linux')(
    'closes its watcher when it is stopped: nothing is left watching (in-process, aborted)',
    async () => {
      const a = await upstreamForTest()
      const cwd = emptyFolder()
      writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': a.url }))
      const before = countFileWatches()
      const serve = await serveInProcess([], cwd)
      // The watcher is there while it serves (the count can tell), and reloads.
      expect(countFileWatches().inotifyWatches).toBeGreaterThan(before.inotifyWatches ?? 0)
      writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': a.url, '/v2': a.url }))
      await expect.poll(() => serve.printed().includes('changed: routes added /v2'), WAIT).toBe(true)

      expect(await serve.stop()).toBe(0)
      expect(countFileWatches()).toEqual(before)
    },
  )

  it('with --target alone reads no file, so it watches none', async () => {
    const a = await upstreamForTest()
    const cwd = emptyFolder()
    writeFileSync(join(cwd, 'sameorigin.config.ts'), toConfigModule({ '/api': 'http://127.0.0.1:1' }))
    const before = countFileWatches()
    const serve = await serveInProcess(['--target', a.url], cwd)
    expect(countFileWatches()).toEqual(before)
    expect(await answeredBy(serve.url(), a)).toBe(true)
    expect(await serve.stop()).toBe(0)
  })
})

const WAIT = { timeout: 10_000 }

/**
 * Runs `serve --port 0 <args>` in this process (as `runCli` does for a program that embeds the
 * command), so what it holds can be counted here; `stop()` aborts it, as Ctrl-C does.
 */
async function serveInProcess(args: readonly string[], cwd: string) {
  const stdout = new PassThrough()
  let printed = ''
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()))
  const controller = new AbortController()
  const ctx = createContext({ cwd, stdout, stderr: new PassThrough(), signal: controller.signal })
  const ended = runCli(['serve', '--port', '0', ...args], ctx)
  const stop = (): Promise<number> => {
    controller.abort()
    return ended
  }
  onTestFinished(() => void stop())
  await expect.poll(() => printed.includes('press Ctrl-C to stop'), WAIT).toBe(true)
  return {
    printed: () => printed,
    url: () => /sameorigin serve\s+(http:\/\/\S+)/.exec(printed)?.[1] ?? '',
    stop,
  }
}
