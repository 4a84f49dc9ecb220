// The report client is bundled for `rsbuild dev` only, before the application's entry: `rsbuild
// build` (in any mode) emits nothing of sameorigin (every file is read), and `inspector: false` adds
// nothing to the dev bundle either.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHROMIUM_ARGS, findChromium, request } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { pluginSameOrigin } from '../src/index.ts'
import { createFixture } from './_fixture.ts'
import { captureLogger, RSBUILDS, startDev } from './_rsbuild.ts'

/** What only the report client's code contains. */
const MARK = "Symbol.for('sameorigin.report')"
const APP = 'document.title = "dev"'
const routes = { '/api': 'http://127.0.0.1:9' }
/** A config module with `inspector` on or off. */
const configModule = (inspector: boolean): string =>
  `export default { inspector: ${inspector}, routes: ${JSON.stringify(routes)} }\n`

/** The page's scripts as the dev server serves them, joined in the order the page loads them. */
async function pageScripts(url: string): Promise<string> {
  const html = (await request(`${url}/`)).body
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!)
  expect(sources.length).toBeGreaterThan(0)
  const bodies = await Promise.all(sources.map(async (src) => (await request(new URL(src, url).href)).body))
  return bodies.join('\n')
}

describe.each(RSBUILDS)('$name', ({ rsbuild }) => {
  it('rsbuild dev: the page runs the report client before the application (Chromium)', async () => {
    // The application reads the mark the report client leaves: set only if it ran first.
    const app =
      "document.title = 'client ran first: ' + String(globalThis[Symbol.for('sameorigin.report')] === true)\n"
    const plugins = [pluginSameOrigin({ configFile: false, routes })]
    const { url } = await startDev({ rsbuild, root: createFixture({ 'src/index.js': app }), plugins })
    expect(await pageScripts(url)).toContain(MARK)
    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    onTestFinished(() => browser.close())
    const page = await browser.newPage()
    await page.goto(`${url}/`)
    await expect.poll(() => page.title(), { timeout: 20_000 }).toBe('client ran first: true')
  })

  it('rsbuild dev with inspector: false: nothing of it in the bundle', async () => {
    const plugins = [pluginSameOrigin({ configFile: false, inspector: false, routes })]
    const { url } = await startDev({ rsbuild, root: createFixture(), plugins })
    const scripts = await pageScripts(url)
    expect(scripts).toContain(APP)
    expect(scripts).not.toContain('__sameorigin')
  })

  it('rsbuild dev: a reload that turns the inspector on says the page needs a restart, after the reload line', async () => {
    const root = createFixture({ 'sameorigin.config.ts': configModule(false) })
    const server = await startDev({ rsbuild, root, plugins: [pluginSameOrigin()] })
    expect(await pageScripts(server.url)).not.toContain('__sameorigin')
    const ours = (): string[] =>
      server.lines.map((line) => line.message).filter((message) => message.includes('[sameorigin]'))

    writeFileSync(join(root, 'sameorigin.config.ts'), configModule(true))
    const restart = 'restart rsbuild dev to have blocked calls reported'
    await vi.waitFor(() => expect(ours()).toContainEqual(expect.stringContaining(restart)), {
      timeout: 10_000,
    })
    const changed = ours().findIndex((line) => line.includes('changed: routes unchanged; inspector on'))
    expect(changed).toBeGreaterThanOrEqual(0)
    expect(ours().findIndex((line) => line.includes(restart))).toBe(changed + 1)

    // Back off: the page never had the client, so nothing more to say.
    writeFileSync(join(root, 'sameorigin.config.ts'), configModule(false))
    await vi.waitFor(() => expect(ours().filter((line) => line.includes('inspector off'))).toHaveLength(1), {
      timeout: 10_000,
    })
    expect(ours().filter((line) => line.includes('rsbuild dev'))).toHaveLength(1)
  })

  it.each(['production', 'development'] as const)(
    'rsbuild build (mode %s): no file has any of it',
    async (mode) => {
      const root = createFixture({ 'dist/index.html': '' })
      const { logger } = captureLogger(rsbuild)
      const instance = await rsbuild.createRsbuild({
        cwd: root,
        config: { mode, customLogger: logger, plugins: [pluginSameOrigin({ configFile: false, routes })] },
      })
      await instance.build()
      const dist = join(root, 'dist')
      const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) =>
        entry.isFile(),
      )
      expect(files.map((file) => file.name)).toContain('index.html')
      expect(files.some((file) => file.name.endsWith('.js'))).toBe(true)
      const read = (file: (typeof files)[number]): string =>
        readFileSync(join(file.parentPath, file.name), 'utf8')
      const withClient = files.filter((file) =>
        /__sameorigin|sameorigin\.report|report-client/.test(read(file)),
      )
      expect(withClient.map((file) => file.name)).toEqual([])
    },
  )
})
