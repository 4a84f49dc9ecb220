import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { backendUrl, browserLogs, context, devUrl, outputDir, page, serverLogs } from '../../setup.ts'

/** `<p id="…">name</p>` as Svelte renders it. */
const rendered = (id: string, name: string): RegExp => new RegExp(`<p id="${id}"[^>]*>\\s*${name}\\s*</p>`)

/** The backend's answers to `/api/me` so far (its request log). */
const meCalls = (): number => serverLogs.filter((line) => line.startsWith('[backend] GET /api/me ')).length

/**
 * Opens the panels page and waits for hydration: the server renders the Session panel as "Checking
 * the session…", and only the hydrated page (its /api/me answered) shows a button there. Before
 * that, the other panels' buttons have no handlers yet.
 */
async function openPanels(): Promise<void> {
  await page.goto(devUrl)
  await page.getByRole('region', { name: 'Session' }).getByRole('button').first().waitFor()
}

describe('examples/sveltekit-app in Chromium', () => {
  test('logs in with the rewritten cookie; /ssr renders the user on the server with that cookie, then again in the browser', async () => {
    await openPanels()
    const session = page.getByRole('region', { name: 'Session' })
    await session.getByLabel('User name').fill('ada')
    const [loginResponse] = await Promise.all([
      page.waitForResponse((response) => response.url() === `${devUrl}/api/login`),
      session.getByRole('button', { name: 'Log in' }).click(),
    ])
    expect(loginResponse.status()).toBe(303)
    expect(await loginResponse.headerValue('location')).toBe('/api/me')
    await session.getByText('Logged in as ada').waitFor()

    // Stored for the dev host: no Domain (host-only), no Secure on http, SameSite=None became Lax.
    const cookies = await context.cookies()
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatchObject({
      name: 'session',
      domain: new URL(devUrl).hostname,
      path: '/',
      secure: false,
      httpOnly: true,
      sameSite: 'Lax',
    })

    // The page as the server sends it, before any script runs: the load function's fetch('/api/me')
    // went through the hook with the browser's cookie.
    const before = meCalls()
    const html = await (await context.request.get(`${devUrl}/ssr`)).text()
    expect(html).toMatch(rendered('ssr-user', 'ada'))
    expect(html).not.toMatch(/id="client-user"/)
    expect(meCalls()).toBeGreaterThan(before)

    // Hydrated: the browser asks /api/me itself, with the cookie, on its own origin.
    const [me] = await Promise.all([
      page.waitForRequest((request) => request.url() === `${devUrl}/api/me`),
      page.goto(`${devUrl}/ssr`),
    ])
    expect((await me.allHeaders()).cookie).toBe(`session=${cookies[0]?.value}`)
    await page.locator('#client-user', { hasText: 'ada' }).waitFor()
    expect(await page.locator('#ssr-user').textContent()).toBe('ada')
    await page.screenshot({ path: join(outputDir, 'sveltekit-app-ssr.png'), fullPage: true })

    // Logged out, the server renders anonymous.
    await openPanels()
    await session.getByRole('button', { name: 'Log out' }).click()
    await session.getByRole('button', { name: 'Log in' }).waitFor()
    expect(await context.cookies()).toEqual([])
    expect(await (await context.request.get(`${devUrl}/ssr`)).text()).toMatch(
      rendered('ssr-user', 'anonymous'),
    )
  })

  test("calling the backend's own origin from the page is blocked by the browser's CORS check", async () => {
    await openPanels()
    const direct = page.getByRole('region', { name: 'Without the proxy' })
    const [blocked] = await Promise.all([
      page.waitForEvent('console', (message) => message.text().includes('has been blocked by CORS policy')),
      direct.getByRole('button', { name: 'Call the backend directly' }).click(),
    ])
    const alert = direct.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('TypeError: Failed to fetch')
    expect(blocked.text()).toContain(
      `Access to fetch at '${backendUrl}/api/health' from origin '${devUrl}' has been blocked by CORS policy`,
    )
    expect(browserLogs).toContainEqual(expect.stringContaining('has been blocked by CORS policy'))
    const proxied = await page.evaluate(async () => {
      const res = await fetch('/api/health')
      return { status: res.status, body: await res.text() }
    })
    expect(proxied).toEqual({ status: 200, body: '{"ok":true}' })
  })

  test('server-sent events and a websocket round trip show up on the page', async () => {
    await openPanels()
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
    expect(opened.url()).toBe(`${devUrl.replace(/^http/, 'ws')}/api/ws`)
    await socket.getByText('echo: hello from Chromium').waitFor()
    const log = await socket
      .getByRole('list', { name: 'WebSocket messages' })
      .getByRole('listitem')
      .allTextContents()
    expect(log).toEqual(['sent: hello from Chromium', 'echo: hello from Chromium'])
  })
})
