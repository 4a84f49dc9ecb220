import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { context, devUrl, outputDir, page } from '../../setup.ts'

/**
 * Logs in as `ada` through the index page's Session panel; resolves to the stored session cookie
 * (the backend scopes it to `/` for this example, so the browser sends it with page requests too).
 */
async function logIn(): Promise<string> {
  await context.clearCookies()
  await page.goto(devUrl)
  const session = page.getByRole('region', { name: 'Session' })
  await session.getByLabel('User name').fill('ada')
  await session.getByRole('button', { name: 'Log in' }).click()
  await session.getByText('Logged in as ada').waitFor()
  const cookie = (await context.cookies()).find((item) => item.name === 'session')
  if (cookie === undefined) throw new Error('logged in, but the browser stored no session cookie')
  expect(cookie).toMatchObject({ path: '/', domain: new URL(devUrl).hostname })
  return cookie.value
}

describe('examples/astro-app: the page rendered on the server', () => {
  test("shows the user in the server's HTML (Astro.locals.serverFetch with the browser's cookie), then again from the browser", async () => {
    const cookie = await logIn()

    // The HTML as the server sent it, before any script ran: the browser context's cookie goes along.
    const html = await context.request.get(`${devUrl}/ssr`)
    expect(html.status()).toBe(200)
    expect(await html.text()).toMatch(/<p id="ssr-user"[^>]*>Logged in as ada<\/p>/)

    // Hydrated: the page's own fetch of /api/me on the dev origin, with the cookie, fills #client-user.
    const [me] = await Promise.all([
      page.waitForRequest((request) => request.url() === `${devUrl}/api/me`),
      page.goto(`${devUrl}/ssr`),
    ])
    expect((await me.allHeaders()).cookie).toBe(`session=${cookie}`)
    await page.locator('#client-user', { hasText: 'Logged in as ada' }).waitFor()
    expect(await page.locator('#ssr-user').textContent()).toBe('Logged in as ada')
    await page.screenshot({ path: join(outputDir, 'astro-app-ssr.png'), fullPage: true })
  })

  test('without the cookie the server renders the 401 it got, never an earlier user', async () => {
    await logIn()
    await context.clearCookies()
    const html = await context.request.get(`${devUrl}/ssr`)
    expect(await html.text()).toMatch(/<p id="ssr-user"[^>]*>Not logged in \(401\)<\/p>/)
    await page.goto(`${devUrl}/ssr`)
    await page.locator('#client-user', { hasText: 'Not logged in (401)' }).waitFor()
  })
})
