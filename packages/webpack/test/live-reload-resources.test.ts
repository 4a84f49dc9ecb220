// Live reload leaks nothing: 50 edits of the config in a real webpack-dev-server 5 leave the same
// timers, file watches and process listeners as the first, and stopping the dev server stops the
// config watcher.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import {
  answeredBy,
  countResources,
  isWatched,
  toConfigModule,
  upstreamForTest,
} from '@sameorigin/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { SameOriginPlugin } from '../src/index.ts'
import { CountBuilds } from './_count-builds.ts'
import { createFixture, ours, startDevServer } from './_dev-server.ts'

describe('live reload resources in webpack-dev-server 5', () => {
  it('leaves no watcher, timer or listener behind after 50 edits, and stops watching with the server', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    // In a folder of its own, which only the config watcher watches (webpack watches the build's files).
    const file = 'proxy/sameorigin.config.ts'
    const root = createFixture({ [file]: toConfigModule({ '/api': a.url }) })
    const plugin = new SameOriginPlugin({ configFile: file })
    const counted = new CountBuilds()
    const server = await startDevServer({ root, plugins: [plugin, counted] })
    // From the end of the first build on, webpack watches the build's files: its watches are not ours.
    await vi.waitFor(() => expect(counted.builds).toBe(1), { timeout: 10_000 })
    const changes = (): number =>
      ours(server.lines).filter((line) => line.message.includes(`${file} changed: routes`)).length
    const answered = (upstream: Upstream): Promise<boolean> => answeredBy(server.url, upstream)
    expect(await answered(a)).toBe(true)
    expect(isWatched(join(root, 'proxy'))).toBe(true)

    writeFileSync(join(root, file), toConfigModule({ '/api': b.url }))
    await vi.waitFor(() => expect(changes()).toBe(1), { timeout: 10_000 })
    expect(await answered(b)).toBe(true)
    const before = countResources()
    for (let edit = 2; edit <= 50; edit++) {
      const target = edit % 2 === 0 ? a.url : b.url
      writeFileSync(join(root, file), toConfigModule({ '/api': target, [`/edit${edit}`]: b.url }))
      await vi.waitFor(() => expect(changes()).toBe(edit), { timeout: 10_000 })
    }
    expect(await answered(a)).toBe(true)
    // Timers of requests that just ended may still be due: the count may only fall.
    await vi.waitFor(() => expect(countResources().timers).toBeLessThanOrEqual(before.timers))
    expect({ ...countResources(), timers: 0 }).toEqual({ ...before, timers: 0 })

    expect(counted).toMatchObject({ builds: 1, invalidations: 0 })
    await server.stop()
    await vi.waitFor(() => expect(isWatched(join(root, 'proxy'))).toBe(false))
  }, 60_000)
})
