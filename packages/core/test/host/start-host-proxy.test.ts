import { createServer } from 'node:http'
import { toConfigModule, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { listen } from '../../src/server/listen.ts'
import type { StartHostProxyOptions } from '../../src/host/start-host-proxy.ts'
import { startHostProxy } from '../../src/host/start-host-proxy.ts'
import { useTempWorkspace } from '../config/_temp-workspace.ts'
import { captureLogs, eventually } from '../engine/_start-proxy.ts'

const workspace = useTempWorkspace('sameorigin-host-proxy-')

/** A dev server with the proxy mounted as a preset or a builder mounts it: the middleware first. */
async function startHost(options: Partial<StartHostProxyOptions> = {}) {
  const logs = captureLogs()
  const proxy = await startHostProxy({}, { root: workspace.dir, logger: logs, processEnv: {}, ...options })
  const server = createServer((req, res) => proxy.engine.middleware(req, res, () => res.end('host')))
  const listening = await listen(server)
  onTestFinished(async () => {
    await listening.close()
    await proxy.close()
  })
  return { proxy, logs, url: listening.url }
}

describe('startHostProxy', () => {
  it('forwards the routes of the config under root, with the inspector on, and serves each edit', async () => {
    const first = await upstreamForTest({ handle: (_req, res) => res.end('first') })
    const second = await upstreamForTest({ handle: (_req, res) => res.end('second') })
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': first.url }))
    const { proxy, url, logs } = await startHost()
    expect(await (await fetch(`${url}/api/me`)).text()).toBe('first')
    expect(await (await fetch(`${url}/page`)).text()).toBe('host')
    expect((await fetch(`${url}/__sameorigin/`)).headers.get('content-type')).toMatch(/text\/html/)

    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': second.url }))
    await eventually(() => proxy.current().routes[0]?.target.origin === new URL(second.url).origin, 5000)
    expect(await (await fetch(`${url}/api/me`)).text()).toBe('second')
    expect(logs.lines.some((line) => line.message.includes('sameorigin.config.mjs'))).toBe(true)
  })

  it('fails with every problem of a bad config, naming the key', async () => {
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': 'ftp://nowhere' }))
    const started = startHostProxy({}, { root: workspace.dir, logger: captureLogs(), processEnv: {} })
    await expect(started).rejects.toThrow(/\/api/)
  })

  it('says what to restart when an edit turns the inspector on under a page that has no report client', async () => {
    const upstream = await upstreamForTest()
    workspace.put(
      'sameorigin.config.mjs',
      `export default ${JSON.stringify({ routes: { '/api': upstream.url }, inspector: false })}\n`,
    )
    const { logs } = await startHost({ reportClient: { restart: 'storybook dev' } })
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': upstream.url }))
    const restart = (): string | undefined =>
      logs.lines.find((line) => line.message.includes('restart storybook dev'))?.message
    await eventually(() => restart() !== undefined, 5000)
    expect(restart()).toMatch(/bundled when storybook dev starts/)
  })
})
