// The inspector in Vite: served by the engine at /__sameorigin/ in dev and preview (after Vite's host
// check, like a route), its address printed under the route table, and in dev the report client added
// to every HTML page. `inspector: false` turns all of it off; a build never has any of it.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { request, sendRaw, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { sameorigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { TIMEOUT, WAIT, writeFile } from './_live-reload.ts'
import { captureLogger, startDev, startPreview, VITE8, VITES } from './_vite.ts'

const CLIENT_TAG = '<script src="/__sameorigin/report-client.js"></script>'

interface ExchangeList {
  readonly exchanges: readonly { readonly method: string; readonly url: string; readonly status?: number }[]
}

/** The exchanges the inspector's API lists, newest first. */
async function listed(url: string): Promise<ExchangeList['exchanges']> {
  const answer = await request(`${url}/__sameorigin/api/exchanges`)
  expect(answer.status).toBe(200)
  return (JSON.parse(answer.body) as ExchangeList).exchanges
}

describe.each(VITES)('$name', ({ vite }) => {
  it.each([
    ['dev', startDev],
    ['preview', startPreview],
  ] as const)('%s: serves the inspector, whose API lists a proxied exchange', async (_kind, start) => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await start(vite, { root: createFixture(), plugins })

    const page = await request(`${url}/__sameorigin/`)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('<title>sameorigin inspector</title>')
    expect(await listed(url)).toEqual([])

    expect((await request(`${url}/api/users?page=2`)).status).toBe(200)
    expect(await listed(url)).toEqual([
      expect.objectContaining({ method: 'GET', url: '/api/users?page=2', status: 200 }),
    ])
    // The inspector's own requests are not exchanges, and never reach the backend.
    expect(upstream.requests.map((req) => req.path)).toEqual(['/api/users?page=2'])
  })

  it.each([
    ['dev', startDev],
    ['preview', startPreview],
  ] as const)(
    '%s: answers a Host Vite does not allow with 403, as it answers a route',
    async (_kind, start) => {
      const upstream = await upstreamForTest()
      const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
      const { port } = await start(vite, { root: createFixture(), plugins })
      const get = (path: string): Promise<string> =>
        sendRaw(port, `GET ${path} HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n`)

      const route = await get('/api/users')
      expect(route).toMatch(/^HTTP\/1\.1 403 /)
      for (const path of [
        '/__sameorigin/',
        '/__sameorigin/api/exchanges',
        '/__sameorigin/report-client.js',
      ]) {
        const answer = await get(path)
        expect(answer.split('\r\n')[0]).toBe(route.split('\r\n')[0])
        expect(answer).not.toContain('sameorigin inspector')
      }
      expect(upstream.requests).toEqual([])
    },
  )
})

describe('the report client in the pages', () => {
  it('is the first thing in the head of every HTML page of vite dev, and served by the engine', async () => {
    const upstream = await upstreamForTest()
    const root = createFixture({
      'nested/page.html': '<!doctype html><html><head><title>nested</title></head><body></body></html>\n',
    })
    const { url } = await startDev(VITE8, {
      root,
      plugins: [sameorigin({ routes: { '/api': upstream.url } })],
    })

    for (const path of ['/', '/nested/page.html']) {
      const { body } = await request(`${url}${path}`)
      expect(body).toContain(CLIENT_TAG)
      // head-prepend: before Vite's own client and the page's module script.
      expect(body.indexOf(CLIENT_TAG)).toBeLessThan(body.indexOf('/@vite/client'))
      expect(body.split(CLIENT_TAG)).toHaveLength(2)
    }
    const client = await request(`${url}/__sameorigin/report-client.js`)
    expect(client.status).toBe(200)
    expect(client.headers['content-type']).toMatch(/^text\/javascript/)
    expect(client.body).toContain("'/__sameorigin/report'")
  })

  it('is not added to the pages vite preview serves (the built files, as they are)', async () => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { url } = await startPreview(VITE8, { root: createFixture(), plugins })
    const { body } = await request(`${url}/`)
    expect(body).toContain('<title>built</title>')
    expect(body).not.toContain('__sameorigin')
  })
})

describe('inspector: false', () => {
  it.each([
    ['dev', startDev, '<title>dev</title>'],
    ['preview', startPreview, '<title>built</title>'],
  ] as const)('%s: leaves /__sameorigin/ to Vite and adds no script', async (_kind, start, title) => {
    const upstream = await upstreamForTest()
    const root = createFixture({
      'sameorigin.config.ts': `export default { inspector: false, routes: { '/api': '${upstream.url}' } }\n`,
    })
    const { url, server, lines } = await start(VITE8, { root, plugins: [sameorigin()] })

    // Vite's SPA fallback answers: the index page, not the inspector.
    for (const path of ['/__sameorigin/', '/__sameorigin/api/exchanges']) {
      const answer = await request(`${url}${path}`, { headers: { accept: 'text/html' } })
      expect(answer.body).not.toContain('sameorigin inspector')
      expect(answer.body).toContain(title)
      expect(answer.body).not.toContain(CLIENT_TAG)
    }
    expect((await request(`${url}/api/x`)).status).toBe(200) // the routes still work

    server.printUrls()
    const output = lines.map((line) => stripVTControlCharacters(line.message)).join('\n')
    expect(output).toContain('[sameorigin] routes')
    expect(output).not.toContain('inspector')
  })
})

describe('inspector: false edited in while vite dev runs', () => {
  it(
    'takes the script out of the next page and leaves /__sameorigin/ to Vite; turning it back on restores both',
    async () => {
      const upstream = await upstreamForTest()
      const config = (inspector: boolean): string =>
        `export default { inspector: ${inspector}, routes: { '/api': '${upstream.url}' } }\n`
      const root = createFixture({ 'sameorigin.config.ts': config(true) })
      const { url } = await startDev(VITE8, { root, plugins: [sameorigin()] })
      const page = async (): Promise<string> => (await request(`${url}/`)).body
      const inspector = async (): Promise<string> => (await request(`${url}/__sameorigin/`)).body
      expect(await page()).toContain(CLIENT_TAG)

      writeFile(root, 'sameorigin.config.ts', config(false))
      await vi.waitFor(async () => expect(await page()).not.toContain(CLIENT_TAG), WAIT)
      expect(await inspector()).toContain('<title>dev</title>')

      writeFile(root, 'sameorigin.config.ts', config(true))
      await vi.waitFor(async () => expect(await page()).toContain(CLIENT_TAG), WAIT)
      expect(await inspector()).toContain('<title>sameorigin inspector</title>')
    },
    TIMEOUT,
  )
})

describe('startup output', () => {
  it.each([
    ['dev', startDev],
    ['preview', startPreview],
  ] as const)("%s: prints the inspector's address under the route table", async (_kind, start) => {
    const upstream = await upstreamForTest()
    const plugins = [sameorigin({ routes: { '/api': upstream.url } })]
    const { server, lines, url } = await start(VITE8, { root: createFixture(), plugins })
    server.printUrls()

    const messages = lines.map((line) => stripVTControlCharacters(line.message))
    const table = messages.findIndex((message) => message.startsWith('[sameorigin] routes'))
    const inspector = messages.indexOf(`[sameorigin] inspector: ${url}/__sameorigin/`)
    expect(table).toBeGreaterThanOrEqual(0)
    expect(inspector).toBe(table + 1)
  })
})

describe('vite build', () => {
  it('has no inspector and no report client in any file it writes', async () => {
    const root = createFixture({
      'sameorigin.config.ts': "export default { routes: { '/api': 'http://127.0.0.1:9' } }\n",
      'second.html': '<!doctype html><title>second</title><script type="module" src="/main.js"></script>\n',
    })
    const { logger } = captureLogger()
    await VITE8.build({
      root,
      configFile: false,
      customLogger: logger,
      logLevel: 'silent',
      plugins: [sameorigin()],
      build: {
        outDir: 'out',
        rollupOptions: { input: { main: join(root, 'index.html'), second: join(root, 'second.html') } },
      },
    })

    const files = readdirSync(join(root, 'out'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
    expect(files.filter((file) => file.endsWith('.html'))).toHaveLength(2)
    expect(files.some((file) => file.endsWith('.js'))).toBe(true)
    const mentions = files.filter((file) =>
      /__sameorigin|report-client|sameorigin\.report/.test(readFileSync(file, 'utf8')),
    )
    expect(mentions).toEqual([])
  })
})
