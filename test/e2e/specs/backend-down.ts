import { describe, expect, test } from 'vitest'
import { devUrl, page, serverLogs, stopBackend } from '../setup.ts'

/**
 * The readable 502 page with the backend stopped, and a dev server that keeps serving. Stopping the
 * backend changes the scenario, so each scenario calls this from a file of its own.
 */
export function describeBackendDown(example: string): void {
  describe(`examples/${example} with the backend stopped`, () => {
    test('a navigation to /api/health shows the readable 502 page, and the app still loads', async () => {
      await stopBackend()

      const response = await page.goto(`${devUrl}/api/health`)
      expect(response?.status()).toBe(502)
      await page.getByRole('heading', { name: '502 Bad Gateway' }).waitFor()
      const text = await page.locator('body').innerText()
      expect(text).toContain('ERR_UPSTREAM_UNREACHABLE')
      expect(text).toMatch(/Route\s+\/api\b/)
      expect(text).toContain('How to fix it: Start the backend')
      await expect.poll(() => serverLogs.join('\n')).toContain('ERR_UPSTREAM_UNREACHABLE')

      // The dev server did not die: the app loads, and its /api/me call gets the JSON form of the error.
      await page.goto(devUrl)
      const alert = page.getByRole('region', { name: 'Session' }).getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toContain('502 ERR_UPSTREAM_UNREACHABLE')
    })
  })
}
