import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { context, devUrl, outputDir, page, serverLogs } from '../setup.ts'
import { openPanels } from './react-page.ts'

/** How an example's `/ssr` page words what it shows. */
export interface SsrPageOptions {
  /** The text of `#ssr-user` and `#client-user` for a logged-in user (`ada`, `Logged in as ada`). */
  readonly shows: (name: string) => string
  /** Their text without a session (`anonymous`, `Not logged in (401)`). */
  readonly anonymous: string
}

const escape = (text: string): string => text.replaceAll(/[$()*+.?[\\\]^{|}]/g, '\\$&')

/** The element `id` with `text` in it, as any framework renders it on the server. */
const rendered = (id: string, text: string): RegExp => new RegExp(`id="${id}"[^>]*>\\s*${escape(text)}\\s*<`)

/** Every example with a server-rendered page renders its panels on the server too: used once hydrated. */
const open = (): Promise<void> => openPanels(true)

/** The backend's answers to `/api/me` so far (its request log). */
const meCalls = (): number => serverLogs.filter((line) => line.startsWith('[backend] GET /api/me ')).length

/**
 * The server-rendered page every full-stack example serves at `/ssr`, in Chromium: logged in through
 * the panels, the HTML as the server sends it (before any script runs) shows the user its server
 * code fetched from `/api/me` with the browser's cookie; hydrated, the page asks `/api/me` again
 * from the browser, with the cookie, on the dev origin; without a session the server renders none.
 */
export function describeSsrPage(example: string, options: SsrPageOptions): void {
  describe(`examples/${example}: the page rendered on the server`, () => {
    test("shows the user in the server's HTML (fetched with the browser's cookie), then again from the browser", async () => {
      await context.clearCookies()
      await open()
      const session = page.getByRole('region', { name: 'Session' })
      await session.getByLabel('User name').fill('ada')
      await session.getByRole('button', { name: 'Log in' }).click()
      await session.getByText('Logged in as ada').waitFor()
      const [cookie] = await context.cookies()
      // Scoped to `/` by these examples' backend: page requests carry it too.
      expect(cookie).toMatchObject({ name: 'session', path: '/', domain: new URL(devUrl).hostname })

      const before = meCalls()
      const html = await context.request.get(`${devUrl}/ssr`)
      expect(html.status()).toBe(200)
      expect(await html.text()).toMatch(rendered('ssr-user', options.shows('ada')))
      expect(meCalls()).toBeGreaterThan(before)

      const [me] = await Promise.all([
        page.waitForRequest((request) => request.url() === `${devUrl}/api/me`),
        page.goto(`${devUrl}/ssr`),
      ])
      expect((await me.allHeaders()).cookie).toBe(`session=${cookie?.value}`)
      await page.locator('#client-user', { hasText: options.shows('ada') }).waitFor()
      expect((await page.locator('#ssr-user').textContent())?.trim()).toBe(options.shows('ada'))
      await page.screenshot({ path: join(outputDir, `${example}-ssr.png`), fullPage: true })
    })

    test('without the cookie the server renders no user, never an earlier one', async () => {
      await context.clearCookies()
      const html = await context.request.get(`${devUrl}/ssr`)
      expect(await html.text()).toMatch(rendered('ssr-user', options.anonymous))
      await page.goto(`${devUrl}/ssr`)
      await page.locator('#client-user', { hasText: options.anonymous }).waitFor()
    })
  })
}
