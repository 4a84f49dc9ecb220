import type { IncomingMessage, ServerResponse } from 'node:http'
import { CHROMIUM_ARGS, findChromium, request } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

/**
 * The backend of a logged-in page: `/api/me` answers the user named by the `session` cookie, 401
 * without one. Every framework host serves `/ssr` (see `CAPABILITIES.ssr`): its server code fetches
 * `/api/me` with the page request's cookies and renders `<p id="ssr-user">`; after hydration the
 * browser fetches it again into `<p id="client-user">`.
 */
function answerMe(req: IncomingMessage, res: ServerResponse): void {
  const session = /(?:^|;\s*)session=([^;]*)/.exec(req.headers.cookie ?? '')?.[1]
  res.setHeader('content-type', 'application/json')
  if (req.url?.split('?')[0] !== '/v1/me') res.statusCode = 404
  else if (session === undefined) res.statusCode = 401
  res.end(JSON.stringify(res.statusCode === 200 ? { name: session } : { error: 'not logged in' }))
}

const rendered = (id: string, name: string): RegExp => new RegExp(`<p id="${id}"[^>]*>\\s*${name}\\s*</p>`)

describeHosts('server-side rendering', { requires: ['ssr'] }, ({ it, serve }) => {
  const upstream = useUpstream({ handle: answerMe })
  const app = serve(() => ({ routes: { '/api': `${upstream.url}/v1` } }))
  const calls = () => upstream.requests.filter((seen) => seen.path === '/v1/me')

  it("renders the user on the server: its fetch of /api/me goes through the route with the page request's cookie", async () => {
    const res = await request(`${app.url}/ssr`, { headers: { cookie: 'session=ada' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatch(rendered('ssr-user', 'ada'))
    expect(calls().length).toBeGreaterThan(0)
    for (const seen of calls()) {
      expect(seen.headers.cookie).toBe('session=ada')
      expect(seen.headers.host).toBe(new URL(upstream.url).host)
    }
  })

  it('renders anonymous without a cookie: nothing of an earlier request carries over', async () => {
    await request(`${app.url}/ssr`, { headers: { cookie: 'session=ada' } })
    const res = await request(`${app.url}/ssr`)
    expect(res.body).toMatch(rendered('ssr-user', 'anonymous'))
    expect(calls().at(-1)?.headers.cookie).toBeUndefined()
  })

  it('hydrated in Chromium, the page fetches /api/me again from the browser through the same route', async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    try {
      const context = await browser.newContext()
      await context.addCookies([{ name: 'session', value: 'grace', url: app.url }])
      const page = await context.newPage()
      await page.goto(`${app.url}/ssr`)
      await page.locator('#client-user', { hasText: 'grace' }).waitFor({ timeout: 30_000 })
      expect(await page.locator('#ssr-user').textContent()).toContain('grace')
      // The browser's own call (a fetch: `Sec-Fetch-Dest: empty`), not only the server's.
      const fromBrowser = calls().filter((seen) => seen.headers['sec-fetch-dest'] === 'empty')
      expect(fromBrowser.length).toBeGreaterThan(0)
      expect(fromBrowser.every((seen) => seen.headers.cookie === 'session=grace')).toBe(true)
    } finally {
      await browser.close()
    }
  })
})
