// The config watcher lives and dies with its server: one per server, closed with it (also by Vite's
// restart and in middleware mode), and nothing left behind by many edits.
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:http'
import { answeredBy, listen, toConfigModule, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { countResources } from '@sameorigin/test-utils'
import { createFixture } from './_fixture.ts'
import { changeLines, TIMEOUT, WAIT, writeFile } from './_live-reload.ts'
import { VITE8, VITES, captureLogger, startDev, startPreview } from './_vite.ts'

describe.each(VITES)('$name: the config watcher and its server', ({ vite }) => {
  it(
    'a dev and a preview server in one process each reload their own engine',
    async () => {
      const [a, b, c] = [await upstreamForTest(), await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      // One plugin instance for both, as one `plugins` array given to createServer and preview.
      const plugins = [sameorigin()]
      const dev = await startDev(vite, { root, plugins })
      const preview = await startPreview(vite, { root, plugins })

      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': b.url }))
      await vi.waitFor(() => expect(changeLines([...dev.lines, ...preview.lines])).toHaveLength(2), WAIT)
      expect(changeLines(dev.lines)).toHaveLength(1)
      expect(await answeredBy(dev.url, b)).toBe(true)
      expect(await answeredBy(preview.url, b)).toBe(true)

      await dev.server.close()
      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': c.url }))
      await vi.waitFor(() => expect(changeLines(preview.lines)).toHaveLength(2), WAIT)
      expect(await answeredBy(preview.url, c)).toBe(true)
      expect(changeLines(dev.lines)).toHaveLength(1)
    },
    TIMEOUT,
  )

  it(
    "Vite's restart (a vite.config.* or env file edit) closes the old server's watcher",
    async () => {
      const [a, b] = [await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const before = countResources()
      const { server, lines } = await startDev(vite, { root, plugins: [sameorigin()] })

      await server.restart!()
      // The restarted server listens anew, on a port of its own (the tests ask for port 0).
      const url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`
      expect(await answeredBy(url, a)).toBe(true)
      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': b.url }))
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(1), WAIT)
      expect(await answeredBy(url, b)).toBe(true)

      // Closing the restarted server leaves no watch: the old server's watcher closed at the restart.
      await server.close()
      await vi.waitFor(() => expect(countResources().inotifyWatches).toBe(before.inotifyWatches), WAIT)
      expect(changeLines(lines)).toHaveLength(1)
    },
    TIMEOUT,
  )

  it(
    'middleware mode: reloads after a restart, and stops watching when Vite closes',
    async () => {
      const [a, b] = [await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const before = countResources()
      const server = createServer()
      const { logger, lines } = captureLogger()
      const app = await vite.createServer({
        root,
        configFile: false,
        customLogger: logger,
        optimizeDeps: { noDiscovery: true, include: [] },
        server: { middlewareMode: true, hmr: { server } },
        plugins: [sameorigin()],
      })
      onTestFinished(() => app.close())
      server.on('request', (req, res) => app.middlewares(req, res))
      const { url, close } = await listen(server)
      onTestFinished(close)

      // The restart closes the old server's plugin pipeline, which must close its engine and watcher only.
      await app.restart!()
      expect(await answeredBy(url, a)).toBe(true)
      writeFile(root, 'sameorigin.config.ts', toConfigModule({ '/api': b.url }))
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(1), WAIT)
      expect(await answeredBy(url, b)).toBe(true)

      await app.close()
      // Vite's own file watcher closes too: every watch of this process is gone.
      await vi.waitFor(() => expect(countResources().inotifyWatches).toBe(before.inotifyWatches), WAIT)
      expect(changeLines(lines)).toHaveLength(1)
    },
    TIMEOUT,
  )
})

describe('50 edits', () => {
  it('leave no watcher, timer or listener behind, and every one applies', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
    const { url, lines } = await startDev(VITE8, { root, plugins: [sameorigin()] })
    expect(await answeredBy(url, a)).toBe(true)
    const before = countResources()

    for (let edit = 1; edit <= 50; edit++) {
      const upstream = edit % 2 === 0 ? a : b
      writeFile(
        root,
        'sameorigin.config.ts',
        toConfigModule({ '/api': upstream.url, [`/edit${edit}`]: a.url }),
      )
      await vi.waitFor(() => expect(changeLines(lines)).toHaveLength(edit), WAIT)
      expect(await answeredBy(url, upstream)).toBe(true)
    }
    // Timers of requests that just ended may still be due: the count may only fall.
    await vi.waitFor(() => expect(countResources().timers).toBeLessThanOrEqual(before.timers), WAIT)
    expect({ ...countResources(), timers: 0 }).toEqual({ ...before, timers: 0 })
  }, 120_000)
})
