// The example's login story in Storybook's own UI (the manager, the story in its preview iframe), as a
// user clicks it: the story logs in through /api on the Storybook origin and renders the user.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { context, devUrl, outputDir, page } from '../../setup.ts'

describe('examples/storybook in Chromium', () => {
  test('the login story logs in through /api and renders the user; the cookie is stored for Storybook and sent back', async () => {
    await page.goto(`${devUrl}/?path=/story/usercard--log-in`)
    const preview = page.frameLocator('#storybook-preview-iframe')
    // The preview compiles on its first load: a wait above the default.
    const button = preview.getByRole('button', { name: 'Log in as ada' })
    await button.waitFor({ timeout: 25_000 })
    const [login, me] = await Promise.all([
      page.waitForResponse((response) => response.url() === `${devUrl}/api/login`),
      page.waitForRequest((request) => request.url() === `${devUrl}/api/me` && request.method() === 'GET'),
      button.click(),
    ])
    // The backend's absolute redirect to itself came back as a path on the Storybook origin.
    expect(login.status()).toBe(303)
    expect(await login.headerValue('location')).toBe('/api/me')
    await preview.getByTestId('user').getByText('ada').waitFor()

    const cookies = await context.cookies(`${devUrl}/api/me`)
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatchObject({
      name: 'session',
      domain: new URL(devUrl).hostname,
      path: '/api',
      secure: false,
      httpOnly: true,
      sameSite: 'Lax',
    })
    // The story's /api/me carried it: that is how the user got rendered.
    expect((await me.allHeaders()).cookie).toContain(`session=${cookies[0]?.value}`)
    await page.screenshot({ path: join(outputDir, 'storybook-logged-in.png'), fullPage: true })
  })
})
