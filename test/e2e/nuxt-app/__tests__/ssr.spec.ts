import { describe, expect, test } from 'vitest'
import { context, devUrl, page, serverLogs } from '../../setup.ts'

describe('examples/nuxt-app: the user rendered on the server, then fetched by the browser', () => {
  test("the server renders the logged-in user (its useFetch went through the route with the browser's cookie); hydrated, the page asks again", async () => {
    await page.goto(devUrl)
    const session = page.getByRole('region', { name: 'Session' })
    await session.getByLabel('User name').fill('grace')
    await session.getByRole('button', { name: 'Log in' }).click()
    await session.getByText('Logged in as grace').waitFor()
    expect(await context.cookies()).toHaveLength(1)

    // The HTML as the server sent it, before any script ran: the user is in it.
    const [browserCall, response] = await Promise.all([
      page.waitForRequest((request) => request.url() === `${devUrl}/api/me`),
      page.goto(`${devUrl}/ssr`),
    ])
    expect(response?.status()).toBe(200)
    expect(await response?.text()).toMatch(/<span id="ssr-user">grace<\/span>/)
    // Hydrated: the browser's own /api/me, with the cookie stored for the dev origin.
    expect((await browserCall.allHeaders()).cookie).toMatch(/^session=/)
    await page.locator('#client-user', { hasText: 'grace' }).waitFor()
    expect(await page.locator('#ssr-user').textContent()).toBe('grace')
    // Two calls of /api/me reached the backend through the route: the server's and the browser's.
    expect(
      serverLogs.filter((line) => line.startsWith('[backend]') && line.includes('/api/me')).length,
    ).toBeGreaterThanOrEqual(2)
  })

  test('without a session the server renders anonymous', async () => {
    await context.clearCookies()
    const response = await page.goto(`${devUrl}/ssr`)
    expect(await response?.text()).toMatch(/<span id="ssr-user">anonymous<\/span>/)
    await page.locator('#client-user', { hasText: 'anonymous' }).waitFor()
  })
})
