// Live reload in real Rsbuild dev and preview servers: an edit of sameorigin.config.ts or of an env
// file it reads serves the next request, without a restart or a rebuild, with one line through
// Rsbuild's logger; a bad edit is printed once at error level and the last good config keeps serving.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { answeredBy, toConfigModule, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { countBuilds } from './_count-builds.ts'
import { createFixture } from './_fixture.ts'
import type { LogLine } from './_rsbuild.ts'
import { RSBUILDS, SERVERS, startDev, startPreview } from './_rsbuild.ts'

/** Whether the next `/api/x` is answered by `upstream`. */
const ours = (lines: readonly LogLine[], stream: LogLine['stream']): string[] =>
  lines
    .filter((line) => line.stream === stream && line.message.includes('[sameorigin]'))
    .map((line) => line.message)

describe('live reload in Rsbuild', () => {
  it.for(
    RSBUILDS.flatMap(({ name, rsbuild }) => SERVERS.map((server) => ({ ...server, version: name, rsbuild }))),
  )(
    '$version $name: an edit of sameorigin.config.ts serves the next request, said in one line',
    async ({ start, rsbuild }) => {
      const [a, b] = [await upstreamForTest(), await upstreamForTest()]
      const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
      const server = await start({ rsbuild, root, plugins: [pluginSameOrigin()] })
      expect(await answeredBy(server.url, a)).toBe(true)

      writeFileSync(join(root, 'sameorigin.config.ts'), toConfigModule({ '/api': b.url }))
      const changed = `[sameorigin] sameorigin.config.ts changed: routes changed /api → ${b.url}/ (was ${a.url}/)`
      await vi.waitFor(
        () => expect(ours(server.lines, 'log')).toContainEqual(expect.stringContaining(changed)),
        {
          timeout: 10_000,
        },
      )
      expect(ours(server.lines, 'log').filter((line) => line.includes(' changed: '))).toHaveLength(1)
      expect(await answeredBy(server.url, b)).toBe(true)
    },
  )

  it('dev: keeps the last good config on a bad edit, prints its problem once at error level, and rebuilds nothing', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({ 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) })
    const { counts, plugin } = countBuilds()
    const server = await startDev({ root, plugins: [pluginSameOrigin(), plugin] })
    // Rspack watches the build's files from the end of the first build on.
    await vi.waitFor(() => expect(counts.builds).toBe(1), { timeout: 10_000 })

    writeFileSync(join(root, 'sameorigin.config.ts'), toConfigModule({ '/api': 'localhost:8080' }))
    await vi.waitFor(() => expect(ours(server.lines, 'error')).toHaveLength(1), { timeout: 10_000 })
    const [problem] = ours(server.lines, 'error')
    expect(problem).toContain(
      '[sameorigin] sameorigin.config.ts changed, but the config cannot be used; the last good one keeps serving.\nERR_CONFIG_INVALID: ',
    )
    expect(problem).toContain("routes['/api']: 'localhost:8080' has no http:// or https:// scheme")
    expect(await answeredBy(server.url, a)).toBe(true)

    writeFileSync(join(root, 'sameorigin.config.ts'), toConfigModule({ '/api': b.url }))
    await vi.waitFor(() => expect(server.text()).toContain(`changed /api → ${b.url}/`), { timeout: 10_000 })
    expect(await answeredBy(server.url, b)).toBe(true)
    expect(ours(server.lines, 'error')).toHaveLength(1)
    expect(counts).toEqual({ builds: 1, invalidations: 0 })
  })

  it("preview: an edit of the mode's env file serves the next request", async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const root = createFixture({
      'sameorigin.config.ts': toConfigModule({ '/api': '${API_TARGET}' }),
      '.env.production': `API_TARGET=${a.url}\n`,
    })
    const server = await startPreview({ root, plugins: [pluginSameOrigin()], config: { mode: 'production' } })
    expect(await answeredBy(server.url, a)).toBe(true)

    writeFileSync(join(root, '.env.production'), `API_TARGET=${b.url}\n`)
    await vi.waitFor(
      () => expect(server.text()).toContain('[sameorigin] .env.production changed: routes changed /api'),
      {
        timeout: 10_000,
      },
    )
    expect(await answeredBy(server.url, b)).toBe(true)
  })
})
