// The example's login story in Storybook's own UI (the manager, the story in its preview iframe), as a
// user clicks it: the story logs in through /api on the Storybook origin and renders the user.
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { backendUrl, context, devUrl, outputDir, page, serverLogs } from '../../setup.ts'

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

describe('examples/storybook: the report client in the preview', () => {
  test("a story's blocked call to the backend's own origin is reported in Storybook's terminal, with the route fix", async () => {
    await page.goto(`${devUrl}/iframe.html?id=usercard--log-in&viewMode=story`)
    await page.getByRole('button', { name: 'Log in as ada' }).waitFor({ timeout: 25_000 })
    // What a story would do without the route: call the backend directly. The backend sends no CORS
    // headers, so the browser blocks it, and the preview's report client tells the dev server.
    const failed = await page.evaluate(
      (url) =>
        fetch(url).then(
          () => 'answered',
          (error: unknown) => String(error),
        ),
      `${backendUrl}/api/health`,
    )
    expect(failed).toBe('TypeError: Failed to fetch')
    await expect
      .poll(() => serverLogs.join('\n'), { timeout: 10_000 })
      .toContain('The browser blocked a call to another origin')
    expect(serverLogs.join('\n')).toContain(`${backendUrl}/api/health`)
    // Storybook's logger wraps the block to the terminal's width; its lines name the route that fixes it.
    expect(serverLogs.join('\n')).toContain("The route /api (routes['/api']) already forwards /api/health")
  })
})
