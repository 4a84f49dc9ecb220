// The page in real Chromium against the handler on a real server and a real log: rows appear live,
// filters, the detail's explanations, HAR export, the secrets switch. Screenshots go to
// test-results/inspector/ (git-ignored) to look at.
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { harValidator } from '@sameorigin/test-utils'
import { startProxy } from '../engine/_start-proxy.ts'
import { startBackend } from '../report/_backends.ts'
import { LOGIN, MISSING, serveInspector, USERS } from './_serve-inspector.ts'
import type { ServedInspector } from './_serve-inspector.ts'

const SHOTS = fileURLToPath(new URL('../../test-results/inspector/', import.meta.url))
mkdirSync(SHOTS, { recursive: true })

let browser: Browser
let inspector: ServedInspector
let page: Page
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
})
afterAll(async () => {
  await browser.close()
})
beforeEach(async () => {
  inspector = await serveInspector()
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, acceptDownloads: true })
  page = await context.newPage()
})
afterEach(async () => {
  await page.context().close()
  await inspector.close()
})

const rows = () => page.locator('#rows tr')
const paths = () => page.locator('#rows .path').allTextContents()

async function open(): Promise<void> {
  await page.goto(`${inspector.url}/__sameorigin/`)
  await page.locator('#live.on').waitFor()
}

describe('the inspector page', () => {
  it('shows exchanges live, newest first, filters them, and pauses', async () => {
    inspector.record(USERS)
    await open()
    await expect.poll(paths).toEqual(['/api/users'])
    inspector.record(LOGIN)
    inspector.record(MISSING)
    await expect.poll(paths).toEqual(['/api/missing', '/api/login?token=***', '/api/users'])
    await expect.poll(() => rows().first().locator('.c-status').textContent()).toBe('404')
    await page.screenshot({ path: `${SHOTS}list-light.png` })
    await page.getByRole('button', { name: '4xx' }).click()
    await expect.poll(paths).toEqual(['/api/missing'])
    await page.getByRole('button', { name: 'All' }).click()
    await page.keyboard.press('/')
    await page.keyboard.type('LOGIN')
    await expect.poll(paths).toEqual(['/api/login?token=***'])
    await page.locator('#text').fill('')
    await page.locator('#route').selectOption('/api')
    await expect.poll(paths).toHaveLength(3)
    await page.getByRole('button', { name: 'Pause' }).click()
    inspector.record(USERS)
    await expect.poll(() => page.locator('#pause').textContent()).toMatch(/^Resume \(\d+\)$/)
    expect(await rows().count()).toBe(3)
    await page.locator('#pause').click()
    await expect.poll(() => rows().count()).toBe(4)
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SHOTS}list-dark.png` })
    await page.getByRole('button', { name: 'Clear' }).click()
    await expect.poll(() => rows().count()).toBe(0)
    expect(await page.locator('#empty').textContent()).toContain('No request has gone through the proxy yet.')
    expect(inspector.log.list()).toEqual([])
  })

  it('explains the Set-Cookie and Location rewrites in the detail, by mouse and by keyboard', async () => {
    inspector.record(USERS)
    inspector.record(LOGIN)
    inspector.record(MISSING)
    await open()
    await rows().nth(1).click()
    const detail = page.locator('#detail')
    await detail.locator('.changes').first().waitFor()
    const text = await detail.textContent()
    expect(text).toContain(
      'Location https://staging.example.com/v1/home → /api/home: points at the dev server instead of the target (redirects)',
    )
    expect(text).toContain('Set-Cookie sid: Domain=staging.example.com removed')
    expect(text).toContain('Set-Cookie sid: SameSite=None lowered to SameSite=Lax')
    expect(text).toContain('As the upstream received them')
    await detail.locator('h3', { hasText: 'Response' }).evaluate((element) => element.scrollIntoView())
    await page.screenshot({ path: `${SHOTS}detail-response-light.png` })
    await detail.locator('summary', { hasText: 'Request body' }).click()
    await expect.poll(() => detail.locator('pre.body').first().textContent()).toBe('{"user":"ada"}')
    await page.getByRole('button', { name: 'Copy as curl' }).click()
    await expect.poll(() => detail.locator('pre.curl').textContent()).toContain('curl --globoff')
    await page.screenshot({ path: `${SHOTS}detail-light.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SHOTS}detail-dark.png` })
    await page.keyboard.press('Escape')
    await expect.poll(() => detail.isHidden()).toBe(true)
    await rows().first().focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => detail.locator('h2').textContent()).toBe('POST /api/login?token=***')
  })

  it('shows a failure with its code, message and hint, in the table and the detail', async () => {
    inspector.record(USERS)
    inspector.recordFailure('/api/orders?page=2')
    await open()
    await expect
      .poll(() => rows().first().locator('.c-status').textContent())
      .toBe('ERR_UPSTREAM_UNREACHABLE')
    await page.getByRole('button', { name: 'Failed' }).click()
    await expect.poll(paths).toEqual(['/api/orders?page=2'])
    await rows().first().click()
    const failure = page.locator('#detail .failure')
    await expect
      .poll(() => failure.textContent())
      .toContain('The backend refused the connection or could not be reached.')
    expect(await failure.textContent()).toContain(
      'Start the backend, or check the host and port in the route target.',
    )
    await page.screenshot({ path: `${SHOTS}failure-light.png` })
  })

  it('exports the filtered exchanges as a valid HAR file', async () => {
    inspector.record(LOGIN)
    inspector.record(USERS)
    inspector.record(MISSING)
    await open()
    await expect.poll(() => rows().count()).toBe(3)
    await page.getByRole('button', { name: '2xx' }).click()
    await expect.poll(() => rows().count()).toBe(1)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#har').click()])
    expect(download.suggestedFilename()).toMatch(/^sameorigin-.+\.har$/)
    const har = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      log: { entries: { request: { url: string } }[] }
    }
    const validate = harValidator()
    expect(validate(har) ? [] : validate.errors).toEqual([])
    expect(har.log.entries.map((entry) => entry.request.url)).toEqual(['http://localhost:5173/api/users'])
  })

  it('shows secrets only after the switch, and never runs markup from the network', async () => {
    inspector.record({
      ...LOGIN,
      headers: { ...LOGIN.headers, 'x-note': '<img src=x onerror="window.hit=1">' },
    })
    await open()
    await rows().first().click()
    const detail = page.locator('#detail')
    await expect.poll(() => detail.textContent()).toContain('Bearer ***')
    expect(await detail.textContent()).toContain('<img src=x onerror="window.hit=1">')
    expect(await page.evaluate(() => (globalThis as { hit?: number }).hit)).toBeUndefined()
    expect(await detail.locator('img').count()).toBe(0)
    await page.getByRole('switch', { name: 'Show secrets' }).check()
    await expect.poll(() => detail.textContent()).toContain('Bearer t0ps3cret')
    await expect.poll(paths).toEqual(['/api/login?token=abc123'])
    inspector.record(USERS)
    await expect.poll(paths).toEqual(['/api/users', '/api/login?token=abc123'])
    await page.getByRole('switch', { name: 'Show secrets' }).uncheck()
    await expect.poll(paths).toEqual(['/api/users', '/api/login?token=***'])
  })
})

describe('a blocked call in the inspector page', () => {
  it('shows the row, the filter, the fix and the block the dev server printed', async () => {
    const backend = await startBackend()
    onTestFinished(() => backend.close())
    const proxy = await startProxy({ routes: { '/api': `${backend.url}/v1` } }, { inspector: true })
    expect((await fetch(`${proxy.url}/api/cors/users`)).status).toBe(200)
    await page.goto(`${proxy.url}/__sameorigin/`)
    await page.locator('#live.on').waitFor()
    await expect.poll(paths).toEqual(['/api/cors/users'])
    const url = `${backend.url}/v1/me?token=abc123`
    const report = await fetch(`${proxy.url}/__sameorigin/report`, {
      method: 'POST',
      headers: { origin: proxy.url, 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        kind: 'fetch',
        url,
        method: 'GET',
        headers: ['authorization'],
        credentials: 'include',
        pageOrigin: proxy.url,
      }),
    })
    expect(report.status).toBe(204)
    const masked = `${backend.url}/v1/me?token=***`
    await expect.poll(paths, { timeout: 20_000 }).toEqual([masked, '/api/cors/users'])
    const row = rows().first()
    expect(await row.locator('.c-status').textContent()).toBe('blocked')
    expect(await row.locator('.tag.api').textContent()).toBe('fetch()')
    await page.screenshot({ path: `${SHOTS}blocked-list-light.png` })
    const detail = page.locator('#detail')
    await rows().nth(1).click()
    await detail.locator('h3', { hasText: 'Bodies' }).waitFor()
    await detail.evaluate((pane) => pane.scrollTo(0, pane.scrollHeight))
    expect(await detail.evaluate((pane) => pane.scrollTop)).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Blocked' }).click()
    await expect.poll(paths).toEqual([masked])
    await row.click()
    await detail.locator('.fix').waitFor()
    expect(await detail.evaluate((pane) => pane.scrollTop)).toBe(0)
    expect(await detail.locator('.fix p').textContent()).toBe(
      `This page calls ${masked} directly; call /api/me?token=*** instead`,
    )
    expect(await detail.locator('pre.verdict').textContent()).toContain(
      `The browser blocked a call to another origin: fetch() GET ${masked} from ${proxy.url}, with credentials`,
    )
    expect(await detail.textContent()).toContain(`sameorigin doctor '${masked}'`)
    expect(await detail.textContent()).not.toContain('abc123')
    expect(await detail.locator('.summary').textContent()).toContain('fetch() GET, with credentials')
    await page.screenshot({ path: `${SHOTS}blocked-detail-light.png` })
    await detail.locator('h3', { hasText: 'Ask it again' }).evaluate((element) => element.scrollIntoView())
    await page.screenshot({ path: `${SHOTS}blocked-command-light.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: `${SHOTS}blocked-detail-dark.png` })
  })
})
