// A login in Chromium through the exported Worker under workerd: the page posts the form to the
// route, the backend's absolute 303 lands back on the app's origin, and the session cookie the
// backend scoped to its own domain and base path is stored for the app and sent again. Chromium
// resolves the app's host name to 127.0.0.1 (--host-resolver-rules), so the Host the Worker checks
// is the exported origin's, as behind a custom domain; nothing leaves loopback.
import { rmSync } from 'node:fs'
import type { Upstream } from '@sameorigin/test-utils'
import { CHROMIUM_ARGS, findChromium, startUpstream } from '@sameorigin/test-utils'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'
import type { RunningWorker } from './_worker.ts'
import { writeProject } from './_project.ts'
import { startWorker } from './_worker.ts'

const HOST = 'app.example.test'
const PAGE = `<!doctype html><title>app</title>
<form method="post" action="/api/login"><input name="user" value="ada"><button>Log in</button></form>`

describe('a Chromium login through the exported Worker', () => {
  let dir: string
  let backend: Upstream
  let worker: RunningWorker
  let browser: Browser

  beforeAll(async () => {
    backend = await startUpstream({
      handle: (req, res) => {
        if (req.method === 'POST' && req.url === '/v1/login') {
          res.writeHead(303, {
            location: `${backend.url}/v1/home`,
            'set-cookie': 'sid=s3cr3t; Domain=127.0.0.1; Path=/v1; HttpOnly; Secure; SameSite=None',
          })
          return void res.end()
        }
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null }))
      },
    })
    dir = writeProject('cloudflare-browser', {
      'sameorigin.config.mjs': "export default { routes: { '/api': '${API_TARGET}' } }\n",
      '.env.production': `API_TARGET=${backend.url}/v1\n`,
      'dist/index.html': PAGE,
    })
    // Plain http: the engine in the Worker applies the plain-http cookie rules, as in development.
    const exported = await runBin(
      ['export', 'cloudflare', '--origin', `http://${HOST}`, '--static', 'dist'],
      {
        cwd: dir,
      },
    )
    if (exported.code !== 0) throw new Error(`sameorigin export cloudflare failed:\n${exported.stderr}`)
    worker = await startWorker(dir)
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
    })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await worker?.close()
    await backend?.close()
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })

  it('logs in: back on the app origin, the cookie stored for the app and sent again', async () => {
    const app = `http://${HOST}:${new URL(worker.url).port}`
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${app}/login`)
    await Promise.all([page.waitForURL(`${app}/api/home`), page.click('button')])
    expect(JSON.parse((await page.textContent('body')) ?? '')).toEqual({
      path: '/v1/home',
      cookie: 'sid=s3cr3t',
    })
    const cookies = await context.cookies()
    expect(
      cookies.map(({ name, domain, path, secure, sameSite }) => ({ name, domain, path, secure, sameSite })),
    ).toEqual([{ name: 'sid', domain: HOST, path: '/api', secure: false, sameSite: 'Lax' }])
    const again = await page.evaluate(async () => (await fetch('/api/me')).json())
    expect(again).toEqual({ path: '/v1/me', cookie: 'sid=s3cr3t' })
    await context.close()
  })
})
