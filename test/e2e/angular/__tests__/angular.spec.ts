import { describe, expect, test } from 'vitest'
import { devUrl, page, serverLogs } from '../../setup.ts'
import { logInAndOut } from '../../specs/log-in-and-out.ts'

// examples/angular: an Angular 22 page (`ng serve` with @sameorigin/angular:dev-server) that logs in
// through /api on its own origin and shows the user.
describe('examples/angular in Chromium', () => {
  test('logs in; the browser stores the rewritten session cookie, sends it on the next /api/me, and drops it on logout', async () => {
    await logInAndOut('angular', async () => void (await page.goto(devUrl)), '/api')
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
