import { join } from 'node:path'
import { expect } from 'vitest'
import { context, devUrl, outputDir, page } from '../setup.ts'

/**
 * The login flow every example's Session panel offers, in Chromium: log in (the backend's 303 to its
 * own absolute /api/me stays on the dev origin), the session cookie stored for the dev host with the
 * scope `cookiePath`, sent again on a fresh page load, and dropped on logout. `open` loads the page.
 */
export async function logInAndOut(
  example: string,
  open: () => Promise<void>,
  cookiePath: string,
): Promise<void> {
  await open()
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
    path: cookiePath,
    secure: false,
    httpOnly: true,
    sameSite: 'Lax',
  })
  await page.screenshot({ path: join(outputDir, `${example}-logged-in.png`), fullPage: true })

  // A fresh page load asks /api/me again: the browser sends the cookie, so the session holds.
  const [me] = await Promise.all([
    page.waitForRequest((request) => request.url() === `${devUrl}/api/me`),
    page.reload(),
  ])
  const headers = await me.allHeaders()
  expect(headers.cookie).toBe(`session=${cookies[0]?.value}`)
  await session.getByText('Logged in as ada').waitFor()

  // Logging out: the backend expires the cookie with the scope that set it, so the browser drops it.
  await session.getByRole('button', { name: 'Log out' }).click()
  await session.getByRole('button', { name: 'Log in' }).waitFor()
  expect(await context.cookies()).toEqual([])
}
