import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { harValidator } from '@sameorigin/test-utils'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, onTestFinished, test } from 'vitest'
import { SERVER_RENDERED_EXAMPLES } from '../hosts/select-hosts.ts'
import { openPanels } from './react-page.ts'
import { backendUrl, browser, context, devUrl, outputDir, page, serverLogs } from '../setup.ts'

/** The session cookie's value after logging in as `ada` through the page (as react-page.ts does). */
async function logIn(hydrated: boolean): Promise<string> {
  await context.clearCookies()
  await openPanels(hydrated)
  const session = page.getByRole('region', { name: 'Session' })
  await session.getByLabel('User name').fill('ada')
  await session.getByRole('button', { name: 'Log in' }).click()
  await session.getByText('Logged in as ada').waitFor()
  const cookie = (await context.cookies()).find((item) => item.name === 'session')
  if (cookie === undefined) throw new Error('logged in, but the browser stored no session cookie')
  return cookie.value
}

/**
 * The inspector page in a browser context of its own (so the "Show secrets" switch of one test
 * never reaches another), once its event stream is live.
 */
async function openInspector(): Promise<Page> {
  const own = await browser.newContext()
  onTestFinished(() => own.close())
  const inspector = await own.newPage()
  inspector.setDefaultTimeout(10_000)
  await inspector.goto(`${devUrl}/__sameorigin/`)
  await inspector.getByRole('status').filter({ hasText: 'Live' }).waitFor()
  return inspector
}

/** The table's row of the newest exchange whose path is `path`. */
function row(inspector: Page, method: string, path: string): Locator {
  return inspector
    .locator('#rows tr')
    .filter({ has: inspector.locator('.c-method', { hasText: method }) })
    .filter({ has: inspector.locator('.c-path .path', { hasText: new RegExp(`^${escape(path)}$`) }) })
    .first()
}

const escape = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Opens an exchange from the table; resolves with the detail pane once it shows that exchange. */
async function open(inspector: Page, method: string, path: string): Promise<Locator> {
  await row(inspector, method, path).click()
  const detail = inspector.getByRole('complementary', { name: 'Exchange' })
  await detail.getByRole('heading', { name: `${method} ${path}` }).waitFor()
  return detail
}

/** The dev server's output as one text: a block is one log entry (Vite) or one line each (`webpack serve`). */
const logText = (): string => serverLogs.join('\n')

/** The one-line explanations of the changes the detail pane lists. */
const explanations = (detail: Locator): Promise<string[]> =>
  detail.locator('.changes .explanation').allTextContents()

/** The value a header table of the detail pane shows for `name` (the first such row). */
const headerValue = (detail: Locator, side: string, name: string): Promise<string | null> =>
  detail
    .locator('.side', { has: detail.page().getByRole('heading', { name: side }) })
    .locator('tr', { has: detail.page().getByRole('rowheader', { name, exact: true }) })
    .locator('.value')
    .first()
    .textContent()

/**
 * The inspector (`/__sameorigin/`) of the example's dev server in Chromium, against the demo backend:
 * a login through the page, seen in the inspector with the proxy's cookie and redirect rewrites
 * explained; secrets masked until the switch shows them; the HAR export, valid HAR 1.2; live
 * updates; and the page's blocked direct call explained in the terminal. One spec for every host.
 */
export function describeInspector(example: string): void {
  // The session cookie's Path as the backend scopes it (setup.ts): `/` for a server-rendered example.
  const cookiePath = SERVER_RENDERED_EXAMPLES.has(example) ? '/' : '/api'
  // A server-rendered page is used once hydrated (its buttons have no handlers before).
  const hydrated = SERVER_RENDERED_EXAMPLES.has(example)
  describe(`the inspector of examples/${example} in Chromium`, () => {
    test("shows the login's exchange with the cookie and redirect rewrites explained", async () => {
      await logIn(hydrated)
      const inspector = await openInspector()
      const login = row(inspector, 'POST', '/api/login')
      await login.waitFor()
      expect(await login.locator('.c-status').textContent()).toBe('303')
      expect(await login.locator('.c-route').textContent()).toBe('/api')
      expect(await login.locator('.c-path .upstream').textContent()).toBe(
        `${new URL(backendUrl).host}/api/login`,
      )
      await inspector.screenshot({ path: join(outputDir, `${example}-inspector-list.png`), fullPage: true })

      const detail = await open(inspector, 'POST', '/api/login')
      const host = new URL(backendUrl).hostname
      const devHost = new URL(devUrl).hostname
      expect(await explanations(detail)).toEqual(
        expect.arrayContaining([
          `Set-Cookie session: Domain=${host} removed: the browser would reject it on ${devHost}; the cookie is kept for ${devHost} only (cookies)`,
          expect.stringMatching(/^Set-Cookie session: Secure removed: the dev server is plain http/),
          'Set-Cookie session: SameSite=None lowered to SameSite=Lax: browsers refuse SameSite=None without Secure (cookies)',
          expect.stringMatching(
            new RegExp(`^Location .*${escape(`${backendUrl}/api/me`)}.*/api/me.*: points at the dev server`),
          ),
        ]),
      )
      // The header tables: the backend's absolute redirect, and the one the browser got.
      expect(await headerValue(detail, 'As the upstream sent them', 'location')).toBe(`${backendUrl}/api/me`)
      expect(await headerValue(detail, 'As the browser received them', 'location')).toBe('/api/me')
      // The pane scrolls on its own: its response part (the rewrites) at the top of a tall viewport.
      await inspector.setViewportSize({ width: 1280, height: 1100 })
      await detail.getByRole('heading', { name: /^Response/ }).evaluate((heading) => heading.scrollIntoView())
      await inspector.screenshot({ path: join(outputDir, `${example}-inspector-exchange.png`) })
    })

    test('masks cookie values by default; the "Show secrets" switch shows them', async () => {
      const session = await logIn(hydrated)
      const inspector = await openInspector()
      const secrets = inspector.getByRole('switch', { name: 'Show secrets' })
      expect(await secrets.isChecked()).toBe(false)

      let detail = await open(inspector, 'POST', '/api/login')
      const received = (): Promise<string | null> =>
        headerValue(detail, 'As the browser received them', 'set-cookie')
      expect(await received()).toBe(`session=***; Path=${cookiePath}; HttpOnly; SameSite=Lax`)
      expect(await inspector.locator('body').textContent()).not.toContain(session)
      detail = await open(inspector, 'GET', '/api/me')
      expect(await headerValue(detail, 'As the browser sent them', 'cookie')).toBe('session=***')

      await secrets.check()
      await detail.getByText(`session=${session}`).first().waitFor()
      expect(await headerValue(detail, 'As the browser sent them', 'cookie')).toBe(`session=${session}`)
      detail = await open(inspector, 'POST', '/api/login')
      expect(await received()).toBe(`session=${session}; Path=${cookiePath}; HttpOnly; SameSite=Lax`)
    })

    test('exports the exchanges shown as a valid HAR 1.2 file, secrets masked', async () => {
      const session = await logIn(hydrated)
      const inspector = await openInspector()
      await row(inspector, 'POST', '/api/login').waitFor()
      const [download] = await Promise.all([
        inspector.waitForEvent('download'),
        inspector.getByRole('button', { name: 'Export HAR' }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^sameorigin-.+\.har$/)
      const file = join(outputDir, `${example}-inspector.har`)
      await download.saveAs(file)
      const text = readFileSync(file, 'utf8')
      const har = JSON.parse(text) as { log: { entries: { request: { method: string; url: string } }[] } }

      const validate = harValidator()
      expect(validate(har) ? [] : validate.errors).toEqual([])
      expect(har.log.entries.map(({ request }) => `${request.method} ${request.url}`)).toContain(
        `POST ${devUrl}/api/login`,
      )
      expect(text).not.toContain(session)
    })

    test('updates live: a request made after the page opened shows up without a reload', async () => {
      await page.goto(devUrl)
      const inspector = await openInspector()
      await inspector.evaluate(() => Object.assign(globalThis, { loadedOnce: true }))
      const path = `/api/health?from=${example}-live`
      expect(await row(inspector, 'GET', path).count()).toBe(0)

      expect(await page.evaluate(async (url) => (await fetch(url)).status, path)).toBe(200)
      // The row comes with the exchange's start (pending), and its status with its end, which the
      // page may hear after the fetch already resolved: wait for the status itself.
      await row(inspector, 'GET', path).locator('.c-status', { hasText: /^200$/ }).waitFor()
      expect(await inspector.evaluate(() => 'loadedOnce' in globalThis)).toBe(true)
    })

    test("explains the page's blocked direct call in the terminal, with the route that fixes it", async () => {
      await openPanels(hydrated)
      const direct = page.getByRole('region', { name: 'Without the proxy' })
      await direct.getByRole('button', { name: 'Call the backend directly' }).click()
      await direct.getByRole('alert').waitFor()

      const headline = `The browser blocked a call to another origin: fetch() GET ${backendUrl}/api/health from ${devUrl}`
      await expect.poll(logText, { timeout: 15_000 }).toContain(headline)
      const block = logText().slice(logText().indexOf(headline)).split('The browser blocked a call')[1]
      expect(block).toContain(`This page calls ${backendUrl}/api/health directly; call /api/health instead`)
      // One block per shape of call: a second click (a fresh page load) prints nothing more.
      await openPanels(hydrated)
      await direct.getByRole('button', { name: 'Call the backend directly' }).click()
      await direct.getByRole('alert').waitFor()
      expect(logText().split(headline)).toHaveLength(2)
    })
  })
}
