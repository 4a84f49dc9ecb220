// A login in Chromium through the exported Caddyfile on the real Caddy: the page and the API on one
// origin, the backend's redirect and session cookie (set for its own domain and base path) rewritten
// so the browser keeps the session and stays on the app.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { CHROMIUM_ARGS, caddyMissing, findChromium, startUpstream } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportedCaddy } from './_caddy.ts'
import { startExportedCaddy } from './_caddy.ts'

const missing = caddyMissing()

const PAGE = `<!doctype html><title>app</title>
<form method="post" action="/api/login"><input name="user" value="ada"><button>Log in</button></form>`

describe.skipIf(missing !== undefined)(
  `a Chromium login through Caddy${missing === undefined ? '' : ` (${missing})`}`,
  () => {
    let upstream: Upstream
    let caddy: ExportedCaddy
    let browser: Browser
    let dist: string

    beforeAll(async () => {
      dist = await mkdtemp(join(tmpdir(), 'sameorigin-dist-'))
      await chmod(dist, 0o755)
      await writeFile(join(dist, 'index.html'), PAGE)
      upstream = await startUpstream({
        handle: (req, res) => {
          if (req.method === 'POST' && req.url === '/v1/login') {
            // What a backend on its own domain answers: an absolute redirect, a cookie for its domain and base path.
            res.writeHead(303, {
              location: `${upstream.url}/v1/me`,
              'set-cookie': `sid=s-ada; Domain=${new URL(upstream.url).hostname}; Path=/v1; HttpOnly; SameSite=Lax`,
            })
            return res.end()
          }
          const session = /(?:^|; )sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
          res.writeHead(session === undefined ? 401 : 200, { 'content-type': 'application/json' })
          res.end(JSON.stringify(session === undefined ? { error: 'no session' } : { user: 'ada', session }))
        },
      })
      caddy = await startExportedCaddy({ routes: { '/api': `${upstream.url}/v1` } }, { staticDir: dist })
      browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    })
    afterAll(async () => {
      await browser?.close()
      await caddy?.close()
      await upstream?.close()
      if (dist !== undefined) await rm(dist, { recursive: true, force: true })
    })

    it('logs in: the redirect stays on the app and the session cookie comes back', async () => {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${caddy.url}/login`)
      await Promise.all([page.waitForURL(`${caddy.url}/api/me`), page.click('button')])
      expect(JSON.parse((await page.textContent('body')) ?? '')).toEqual({ user: 'ada', session: 's-ada' })
      const [cookie] = await context.cookies()
      expect(cookie).toMatchObject({ name: 'sid', value: 's-ada', path: '/api', httpOnly: true })
      // The page's own fetch sends it too.
      const me = await page.evaluate(async () => (await fetch('/api/me')).json())
      expect(me).toEqual({ user: 'ada', session: 's-ada' })
      await context.close()
    })
  },
)
