// Live reload under the `rsbuild dev` CLI, which restarts the dev server when rsbuild.config.* or an
// env file it loaded changes (`dev.watchFiles` of type `restart`, to which it adds those env files).
// sameorigin.config.ts is neither: its edits are applied without a restart. An edit of such an env
// file restarts the server as Rsbuild does, and the restarted server serves the new value.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { answeredBy, toConfigModule, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { startRsbuildDev } from './_rsbuild-cli.ts'

const count = (text: string, part: string): number => text.split(part).length - 1

describe('live reload under the rsbuild dev CLI', () => {
  it('applies an edit of sameorigin.config.ts without a restart; an .env edit restarts as Rsbuild does', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const cli = await startRsbuildDev({
      'sameorigin.config.ts': toConfigModule({ '/api': '${API_TARGET}' }),
      '.env': `API_TARGET=${a.url}\n`,
    })
    onTestFinished(() => cli.stop())
    const answered = (upstream: Upstream): Promise<boolean> => answeredBy(cli.url, upstream)
    const put = (name: string, text: string): void => writeFileSync(join(cli.root, name), text)
    expect(await answered(a)).toBe(true)

    put('sameorigin.config.ts', toConfigModule({ '/api': b.url }))
    await vi.waitFor(
      () => expect(cli.output()).toContain(`sameorigin.config.ts changed: routes changed /api → ${b.url}/`),
      {
        timeout: 10_000,
      },
    )
    expect(await answered(b)).toBe(true)
    put('sameorigin.config.ts', toConfigModule({ '/api': '${API_TARGET}' }))
    await vi.waitFor(
      () => expect(cli.output()).toContain(`sameorigin.config.ts changed: routes changed /api → ${a.url}/`),
      {
        timeout: 10_000,
      },
    )
    expect(await answered(a)).toBe(true)
    expect(cli.output()).not.toContain('restarting')
    expect(count(cli.output(), 'routes (first match wins)')).toBe(1)

    put('.env', `API_TARGET=${b.url}\n`)
    await vi.waitFor(() => expect(count(cli.output(), 'routes (first match wins)')).toBe(2), {
      timeout: 20_000,
    })
    expect(cli.output()).toContain('restarting server as .env changed')
    await vi.waitFor(async () => expect(await answered(b)).toBe(true), { timeout: 10_000 })
  }, 60_000)
})
