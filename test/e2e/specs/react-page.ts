import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { SERVER_RENDERED_EXAMPLES } from '../hosts/select-hosts.ts'
import { backendUrl, browserLogs, devUrl, outputDir, page } from '../setup.ts'
import { logInAndOut } from './log-in-and-out.ts'

/**
 * Opens the panels page. With `hydrated`, also waits for hydration: a server-rendered page shows the
 * Session panel as "Checking the session…", and only the hydrated page (its /api/me answered) shows
 * a button there; before that, the other panels' buttons have no handlers yet.
 */
export async function openPanels(hydrated = false): Promise<void> {
  await page.goto(devUrl)
  if (hydrated) await page.getByRole('region', { name: 'Session' }).getByRole('button').first().waitFor()
}

/**
 * The React page every `examples/*-react` serves (the panels are examples/vite-react's), in Chromium:
 * login with the rewritten cookie, the CORS block of a direct call, server-sent events and a
 * websocket. One spec for every host; each scenario's file calls it with its example's name.
 */
export function describeReactPage(example: string): void {
  // A server-rendered page is used once hydrated (its buttons have no handlers before).
  const open = () => openPanels(SERVER_RENDERED_EXAMPLES.has(example))
  describe(`examples/${example} in Chromium`, () => {
    test('logs in; the browser stores the rewritten session cookie, sends it on the next /api/me, and drops it on logout', async () => {
      // Server-rendered examples' backend scopes the cookie to `/`, so page requests carry it too.
      await logInAndOut(example, open, SERVER_RENDERED_EXAMPLES.has(example) ? '/' : '/api')
    })

    test("calling the backend's own origin from the page is blocked by the browser's CORS check", async () => {
      await open()
      const direct = page.getByRole('region', { name: 'Without the proxy' })
      const [blocked] = await Promise.all([
        page.waitForEvent('console', (message) => message.text().includes('has been blocked by CORS policy')),
        direct.getByRole('button', { name: 'Call the backend directly' }).click(),
      ])

      // The page only sees a bare TypeError; the reason is on the console.
      const alert = direct.getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toContain('TypeError: Failed to fetch')
      expect(blocked.text()).toContain(
        `Access to fetch at '${backendUrl}/api/health' from origin '${devUrl}' has been blocked by CORS policy`,
      )
      expect(browserLogs).toContainEqual(expect.stringContaining('has been blocked by CORS policy'))

      // The same request on the page's own origin goes through the proxy.
      const proxied = await page.evaluate(async () => {
        const res = await fetch('/api/health')
        return { status: res.status, body: await res.text() }
      })
      expect(proxied).toEqual({ status: 200, body: '{"ok":true}' })
    })

    test('server-sent events and a websocket round trip show up on the page', async () => {
      await open()

      const events = page.getByRole('region', { name: 'Server-sent events' })
      await events.getByRole('button', { name: 'Stream events' }).click()
      await events.getByText('All 5 events arrived; the stream ended.').waitFor()
      const ticks = await events
        .getByRole('list', { name: 'Received events' })
        .getByRole('listitem')
        .allTextContents()
      expect(ticks).toEqual(['tick 1 of 5', 'tick 2 of 5', 'tick 3 of 5', 'tick 4 of 5', 'tick 5 of 5'])

      const socket = page.getByRole('region', { name: 'WebSocket' })
      await socket.getByLabel('Message', { exact: true }).fill('hello from Chromium')
      const [opened] = await Promise.all([
        page.waitForEvent('websocket', (ws) => new URL(ws.url()).pathname === '/api/ws'),
        socket.getByRole('button', { name: 'Send' }).click(),
      ])
      // The websocket is opened on the page's own origin, not the backend's.
      expect(opened.url()).toBe(`${devUrl.replace(/^http/, 'ws')}/api/ws`)
      await socket.getByText('echo: hello from Chromium').waitFor()
      const log = await socket
        .getByRole('list', { name: 'WebSocket messages' })
        .getByRole('listitem')
        .allTextContents()
      expect(log).toEqual(['sent: hello from Chromium', 'echo: hello from Chromium'])

      await page.screenshot({ path: join(outputDir, `${example}-streams.png`), fullPage: true })
    })
  })
}
