// The README's "Deploy behind nginx" path, end to end: `vite build`, then `sameorigin export nginx`
// (the real bin) with the same config, then the real nginx serving the built page and the route to
// the demo backend (domain-scoped Secure cookie, absolute redirect, SSE, websocket, an Origin check,
// no CORS headers). Chromium uses the page as in development: log in, the session held across a
// reload, events, the websocket echo, log out.
import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { Backend } from '@sameorigin/example-backend'
import { startBackend } from '@sameorigin/example-backend'
import type { StartedNginx } from '@sameorigin/test-utils'
import { CHROMIUM_ARGS, findChromium, HAS_NGINX, NGINX_PATH, startNginx } from '@sameorigin/test-utils'
import type { Browser, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = fileURLToPath(
  import.meta.resolve('@sameorigin/cli/package.json').replace(/package\.json$/, 'bin/sameorigin.mjs'),
)
const SKIP = HAS_NGINX ? false : `nginx is not installed at ${NGINX_PATH}: skipped`

describe.skipIf(SKIP)(
  `the built app behind the exported nginx config${SKIP === false ? '' : ` (${SKIP})`}`,
  () => {
    let backend: Backend
    let dist: string
    let nginx: StartedNginx
    let browser: Browser
    let page: Page
    let exported = ''

    beforeAll(async () => {
      backend = await startBackend({ port: 0 })
      // nginx's workers run as an unprivileged user: the built files must be readable by it.
      dist = await mkdtemp(join(tmpdir(), 'sameorigin-vite-react-dist-'))
      await chmod(dist, 0o755)
      await build({ root, logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } })
      nginx = await startNginx({
        config: (port, dir) => {
          // What the README says to run, with this test's origin and port.
          execFileSync(
            process.execPath,
            [bin, 'export', 'nginx', '--origin', `http://127.0.0.1:${port}`, '--listen', String(port)].concat(
              ['--static', dist, '--out', dir],
            ),
            { cwd: root, env: { ...process.env, API_TARGET: backend.url, NO_COLOR: '1' }, stdio: 'pipe' },
          )
          return { config: `include ${join(dir, 'sameorigin.nginx.conf')};`, files: {} }
        },
      })
      exported = await readFile(join(nginx.dir, 'sameorigin.nginx.conf'), 'utf8')
      browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
      page = await (await browser.newContext()).newPage()
    }, 120_000)

    afterAll(async () => {
      await browser?.close()
      await nginx?.close()
      await backend?.close()
      if (dist !== undefined) await rm(dist, { recursive: true, force: true })
    })

    it('writes the route with the production mode read and the built files as the root', () => {
      expect(exported).toContain(`# /api → ${backend.url}/`)
      expect(exported).toContain(`root "${dist}";`)
      expect(exported).toContain('try_files $uri $uri/ /index.html;')
    })

    it('logs in, keeps the session across a reload, streams events, echoes on the websocket, logs out', async () => {
      await page.goto(nginx.url)
      const session = page.getByRole('region', { name: 'Session' })
      await session.getByLabel('User name').fill('ada')
      const [login] = await Promise.all([
        page.waitForResponse((response) => response.url() === `${nginx.url}/api/login`),
        session.getByRole('button', { name: 'Log in' }).click(),
      ])
      // The backend's absolute 303 to its own origin comes back relative, on the app's origin.
      expect({ status: login.status(), location: await login.headerValue('location') }).toEqual({
        status: 303,
        location: '/api/me',
      })
      await session.getByText('Logged in as ada').waitFor()
      const [cookie] = await page.context().cookies()
      expect(cookie).toMatchObject({ name: 'session', domain: '127.0.0.1', path: '/api', secure: false })
      await page.reload()
      await session.getByText('Logged in as ada').waitFor()

      const events = page.getByRole('region', { name: 'Server-sent events' })
      await events.getByRole('button', { name: 'Stream events' }).click()
      await events.getByText('All 5 events arrived; the stream ended.').waitFor()

      const socket = page.getByRole('region', { name: 'WebSocket' })
      await socket.getByLabel('Message', { exact: true }).fill('hello through nginx')
      await socket.getByRole('button', { name: 'Send' }).click()
      await socket.getByText('echo: hello through nginx').waitFor()

      await session.getByRole('button', { name: 'Log out' }).click()
      await session.getByRole('button', { name: 'Log in' }).waitFor()
      expect(await page.context().cookies()).toEqual([])
    })

    it('answers a login as the dev proxy does: the redirect relative, the cookie for the app', async () => {
      const login = await fetch(`${nginx.url}/api/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/json', origin: nginx.url },
        body: JSON.stringify({ user: 'ada' }),
      })
      expect({ status: login.status, location: login.headers.get('location') }).toEqual({
        status: 303,
        location: '/api/me',
      })
      const [cookie] = login.headers.getSetCookie()
      expect(cookie).toMatch(/^session=[\w-]+; Domain=; Path=\/api; HttpOnly; SameSite=Lax$/)
      const me = await fetch(`${nginx.url}/api/me`, { headers: { cookie: cookie!.split(';')[0]! } })
      expect(await me.text()).toBe('{"user":"ada"}')
    })

    it('serves a client-side route with the SPA fallback', async () => {
      const res = await fetch(`${nginx.url}/settings/profile`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<div id="root">')
    })
  },
)
