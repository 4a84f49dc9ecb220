// The report client from the entry the plugin adds, in real Chromium on webpack-dev-server 5: a page
// of the dev server calls the backend directly (another origin, no CORS headers); the browser blocks
// it, the client reports it, and the dev server prints one warning block with the route to call; the
// inspector lists the same entry.
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { CHROMIUM_ARGS, findChromium, request, startUpstream } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { SameOriginPlugin } from '../src/index.ts'
import { createFixture, ours, startDevServer } from './_dev-server.ts'

/** The application: calls the backend itself at start, as code written before the route existed would. */
function appSource(backend: Upstream): string {
  const url = `${backend.url}/v1/me`
  return [
    `fetch(${JSON.stringify(url)}, { credentials: 'include' })`,
    "  .then(() => (document.title = 'answered'), (error) => (document.title = 'blocked: ' + error.name))",
    '',
  ].join('\n')
}

describe('webpack-dev-server 5 page calling a backend directly, in Chromium', () => {
  it('prints the blocked call once, with the route that fixes it', async () => {
    const backend = await startUpstream()
    onTestFinished(() => backend.close())
    const root = createFixture({
      'src/index.js': appSource(backend),
      'public/index.html': '<!doctype html><title>loading</title><script src="/main.js"></script>\n',
    })
    const routes = { '/api': `${backend.url}/v1` }
    const server = await startDevServer({
      root,
      plugins: [new SameOriginPlugin({ configFile: false, routes })],
      devServer: { static: { directory: join(root, 'public') } },
    })
    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    onTestFinished(() => browser.close())
    const page = await browser.newPage()
    await page.goto(`${server.url}/`)
    // The browser blocked it: the page saw a network error (the backend sends no CORS headers).
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('blocked: TypeError')
    // Reloading makes the same call again: one block per shape of call.
    await page.reload()
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('blocked: TypeError')

    const blocks = (): string[] =>
      ours(server.lines)
        .filter((line) => line.message.includes('The browser blocked a call to another origin'))
        .map((line) => line.message)
    await vi.waitFor(() => expect(blocks()).toHaveLength(1), { timeout: 30_000, interval: 100 })
    const [block] = blocks()
    expect(block).toContain(`fetch() GET ${backend.url}/v1/me from ${server.url}, with credentials`)
    expect(block).toContain(`fix: This page calls ${backend.url}/v1/me directly; call /api/me instead`)
    expect(server.lines.find((line) => line.message === block)?.level).toBe('warn')

    // The same entry, once, in the inspector.
    const list = JSON.parse((await request(`${server.url}/__sameorigin/api/exchanges`)).body) as {
      exchanges: { state: string; url: string; route?: string; blocked?: { fix?: { title: string } } }[]
    }
    expect(list.exchanges.filter((exchange) => exchange.state === 'blocked')).toMatchObject([
      {
        url: `${backend.url}/v1/me`,
        route: '/api',
        blocked: { fix: { title: `This page calls ${backend.url}/v1/me directly; call /api/me instead` } },
      },
    ])
  })
})
