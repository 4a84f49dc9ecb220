import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { context, devUrl, outputDir, page, serverLogs } from '../../setup.ts'

// examples/angular: an Angular 22 page (`ng serve` with @sameorigin/angular:dev-server) that logs in
// through /api on its own origin and shows the user.
describe('examples/angular in Chromium', () => {
  test('logs in; the browser stores the rewritten session cookie, sends it on the next /api/me, and drops it on logout', async () => {
    await page.goto(devUrl)
    const session = page.getByRole('region', { name: 'Session' })
    await session.getByLabel('User name').fill('ada')
    // The backend answers 303 to its own absolute /api/me; through the proxy the redirect stays here.
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
      path: '/api',
      secure: false,
      httpOnly: true,
      sameSite: 'Lax',
    })
    await page.screenshot({ path: join(outputDir, 'angular-logged-in.png'), fullPage: true })

    // A fresh page load asks /api/me again: the browser sends the cookie, so the session holds.
    const [me] = await Promise.all([
      page.waitForRequest((request) => request.url() === `${devUrl}/api/me`),
      page.reload(),
    ])
    expect((await me.allHeaders()).cookie).toBe(`session=${cookies[0]?.value}`)
    await session.getByText('Logged in as ada').waitFor()

    await session.getByRole('button', { name: 'Log out' }).click()
    await session.getByRole('button', { name: 'Log in' }).waitFor()
    expect(await context.cookies()).toEqual([])
  })

  test('the page loads the report client, and ng serve printed the route table and the inspector', async () => {
    await page.goto(devUrl)
    await page.getByRole('region', { name: 'Session' }).getByRole('button', { name: 'Log in' }).waitFor()
    const scripts = await page
      .locator('head script[src]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('src')))
    expect(scripts[0]).toBe('/__sameorigin/report-client.js')
    const logs = serverLogs.join('\n')
    expect(logs).toMatch(/\/api\s+→ http:\/\/127\.0\.0\.1:\d+\//)
    expect(logs).toContain('/__sameorigin/')
  })
})
