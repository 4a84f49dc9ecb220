// Live reload through the commands users run: `webpack serve` (webpack-cli 7) with webpack-dev-server
// 5 and 6, and `rspack serve`. An edit serves the next request without a restart or a rebuild; a bad
// edit is printed once, through the infrastructure log, and the last good config keeps serving.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { answeredBy, toConfigModule, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import type { CliKind } from './_cli.ts'
import { CLI_KINDS, startCli } from './_cli.ts'

const count = (text: string, part: string): number => text.split(part).length - 1

describe.each(CLI_KINDS)('live reload in %s serve', (kind: CliKind) => {
  it('serves the next request from an edit; a bad edit is printed once and the last good config keeps serving', async () => {
    const [a, b] = [await upstreamForTest(), await upstreamForTest()]
    const cli = await startCli(kind, {
      config: `config = {
        devServer: { host: '127.0.0.1', port: 0 },
        plugins: [new SameOriginPlugin()],
      }`,
      files: { 'sameorigin.config.ts': toConfigModule({ '/api': a.url }) },
    })
    onTestFinished(() => cli.stop())
    const answered = (upstream: Upstream): Promise<boolean> => answeredBy(cli.url, upstream)
    const put = (text: string): void => writeFileSync(join(cli.root, 'sameorigin.config.ts'), text)
    expect(await answered(a)).toBe(true)
    await vi.waitFor(() => expect(cli.output()).toMatch(/compiled/), { timeout: 10_000 })
    const builds = count(cli.output(), 'compiled')

    put(toConfigModule({ '/api': b.url }))
    const toB = `[sameorigin] sameorigin.config.ts changed: routes changed /api → ${b.url}/ (was ${a.url}/)`
    await vi.waitFor(() => expect(cli.output()).toContain(toB), { timeout: 10_000 })
    expect(await answered(b)).toBe(true)

    put(toConfigModule({ '/api': 'localhost:8080' }))
    const cannot = '[sameorigin] sameorigin.config.ts changed, but the config cannot be used'
    await vi.waitFor(() => expect(cli.output()).toContain(cannot), { timeout: 10_000 })
    expect(cli.output()).toContain("routes['/api']: 'localhost:8080' has no http:// or https:// scheme")
    expect(await answered(b)).toBe(true)

    put(toConfigModule({ '/api': a.url }))
    const toA = `[sameorigin] sameorigin.config.ts changed: routes changed /api → ${a.url}/ (was ${b.url}/)`
    await vi.waitFor(() => expect(cli.output()).toContain(toA), { timeout: 10_000 })
    expect(await answered(a)).toBe(true)
    const output = cli.output()
    expect(count(output, cannot)).toBe(1)
    // Neither a rebuild nor a restart: one build, one route table.
    expect(count(output, 'compiled')).toBe(builds)
    expect(count(output, 'routes (first match wins)')).toBe(1)
  })
})
