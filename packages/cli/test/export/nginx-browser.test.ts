// A login in Chromium through the exported nginx config: the form posts to the backend's login, the
// 303 lands back on the app's origin, and the session cookie the backend scoped to its own domain and
// base path is stored for the app and sent with the next request.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { CHROMIUM_ARGS, findChromium, HAS_NGINX, NGINX_PATH, startUpstream } from '@sameorigin/test-utils'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServedExport } from './_nginx.ts'
import { serveExport } from './_nginx.ts'

const SKIP = HAS_NGINX ? false : `nginx is not installed at ${NGINX_PATH}: skipped`

const PAGE = `<!doctype html><title>app</title>
<form method="post" action="/api/login"><input name="user" value="ada"><button>Log in</button></form>`

describe.skipIf(SKIP)(
  `a Chromium login through the exported nginx config${SKIP === false ? '' : ` (${SKIP})`}`,
  () => {
    let backend: Upstream
    let nginx: ServedExport
    let browser: Browser
    let distDir: string

    beforeAll(async () => {
      backend = await startUpstream({
        handle: (req, res) => {
          if (req.method === 'POST' && req.url === '/v1/login') {
            res.writeHead(303, {
              location: `${backend.url}/v1/home`,
              'set-cookie': `sid=s3cr3t; Domain=127.0.0.1; Path=/v1; HttpOnly; Secure; SameSite=Lax`,
            })
            res.end()
            return
          }
          res.setHeader('content-type', 'application/json')
          res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null }))
        },
      })
      distDir = await mkdtemp(join(tmpdir(), 'sameorigin-dist-'))
      await chmod(distDir, 0o755)
      await writeFile(join(distDir, 'index.html'), PAGE)
      nginx = await serveExport({ routes: { '/api': `${backend.url}/v1` } }, distDir)
      browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    })

    afterAll(async () => {
      await browser?.close()
      await nginx?.close()
      await backend?.close()
      if (distDir !== undefined) await rm(distDir, { recursive: true, force: true })
    })

    it('logs in: back on the app origin, the cookie stored for the app and sent again', async () => {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${nginx.url}/login`)
      await Promise.all([page.waitForURL(`${nginx.url}/api/home`), page.click('button')])
      expect(JSON.parse((await page.textContent('body')) ?? '')).toEqual({
        path: '/v1/home',
        cookie: 'sid=s3cr3t',
      })
      const cookies = await context.cookies()
      expect(cookies.map(({ name, domain, path }) => ({ name, domain, path }))).toEqual([
        { name: 'sid', domain: '127.0.0.1', path: '/api' },
      ])
      const again = await page.evaluate(async () => (await fetch('/api/me')).json())
      expect(again).toEqual({ path: '/v1/me', cookie: 'sid=s3cr3t' })
      await context.close()
    })
  },
)
