import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { UserConfig } from '@sameorigin/core'
import type { Upstream } from '@sameorigin/test-utils'
import { request } from '@sameorigin/test-utils'
import { afterAll, expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

/** Waits until `check` resolves true, asking again every 50 ms: a generous bound, not a timing assertion. */
async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describeHosts('config reload', { requires: ['configReload'] }, ({ it, serve }) => {
  const a = useUpstream()
  const b = useUpstream()
  // The config file lives outside the served root, as a team config at a repository root may.
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-reload-'))
  const file = join(dir, 'sameorigin.config.mjs')
  const write = (routes: Record<string, string>): void =>
    writeFileSync(file, `export default { routes: ${JSON.stringify(routes)} }\n`)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const app = serve(() => {
    write({ '/reload': a.url })
    return { configFile: file } as UserConfig
  })
  const reaches = async (path: string, upstream: Upstream): Promise<boolean> => {
    const before = upstream.requests.length
    const res = await request(`${app.url}${path}`)
    return res.status === 200 && upstream.requests.length > before
  }

  it('applies an edit of the config file to the next request, and says what changed', async () => {
    expect(await reaches('/reload/x', a)).toBe(true)
    write({ '/reload': b.url })
    await until(() => reaches('/reload/x', b), 'the edited target answers')
    await until(async () => app.logs.text().includes('changed: routes changed /reload'), 'the change line')
  })

  it('keeps the last good config on a broken edit, and prints its problems', async () => {
    write({ '/reload': 'ftp://nowhere' })
    await until(async () => app.logs.text().includes('the last good one keeps serving'), 'the problem')
    expect(app.logs.text()).toContain('ERR_CONFIG_INVALID')
    expect(app.logs.text()).toContain("routes['/reload']")
    expect(await reaches('/reload/x', b)).toBe(true)
  })

  it('adds and removes routes', async () => {
    write({ '/added': a.url })
    await until(() => reaches('/added/x', a), 'the added route answers')
    const before = b.requests.length
    await request(`${app.url}/reload/x`)
    expect(b.requests.length).toBe(before)
  })
})
