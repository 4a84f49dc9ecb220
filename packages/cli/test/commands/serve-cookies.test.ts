// CORS mode keeps a login cookie: `localhost` and `127.0.0.1` reach the same loopback proxy but are
// different sites, and a cookie set through a cross-site call is a third-party cookie, which browsers
// block (Chromium here, SameSite=None; Secure included). So `serve` prints the address on the same
// host as the allowed page, warns when a page can only be on another site, and words flag errors as
// flags. The login runs in real Chromium against the real bin.
import { createServer } from 'node:http'
import { CHROMIUM_ARGS, findChromium, listen, startUpstream } from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { emptyFolder, startServe } from '../_serve.ts'

/** Starts `sameorigin serve` and resolves with the address it printed and everything it printed. */
async function serve(args: readonly string[]): Promise<{ url: string; stdout: () => Promise<string> }> {
  const { url, running } = await startServe(args)
  return { url, stdout: async () => (await running.stop()).stdout }
}

describe('sameorigin serve --credentials keeps the login cookie', () => {
  it('prints the address on the page host; a page there logs in and stays logged in (Chromium)', async () => {
    const backend = await startUpstream({
      handle: (req, res) => {
        if (req.url === '/login')
          res.setHeader('set-cookie', 'sid=abc; Path=/; HttpOnly; SameSite=None; Secure')
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }))
      },
    })
    onTestFinished(() => backend.close())
    const page = await listen(createServer((_req, res) => res.end('<!doctype html><title>app</title>')))
    onTestFinished(() => page.close())
    const pageOrigin = `http://localhost:${page.port}`
    const { url } = await serve(['--target', backend.url, '--allow-origin', pageOrigin, '--credentials'])
    expect(url).toMatch(/^http:\/\/localhost:\d+$/)

    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    onTestFinished(() => browser.close())
    const context = await browser.newContext()
    const tab = await context.newPage()
    await tab.goto(pageOrigin)
    const seen = await tab.evaluate(async (base) => {
      await fetch(`${base}/login`, { method: 'POST', credentials: 'include' })
      const me = await fetch(`${base}/me`, { credentials: 'include' })
      return (await me.json()) as { cookie: string | null }
    }, url)
    expect(seen.cookie).toBe('sid=abc')
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['sid'])
  })

  it('warns when an allowed page is on another site than the proxy', async () => {
    const { url, stdout } = await serve([
      '--target',
      'http://127.0.0.1:1',
      '--allow-origin',
      'http://localhost:3000',
      '--allow-origin',
      'http://127.0.0.1:4000',
      '--credentials',
    ])
    expect(url).toMatch(/^http:\/\/localhost:\d+$/)
    expect(await stdout()).toContain(`cookies: http://127.0.0.1:4000 is on another site than ${url}`)
  })

  it('says nothing about cookies without --credentials, and prints 127.0.0.1 without a page host', async () => {
    const { url, stdout } = await serve([
      '--target',
      'http://127.0.0.1:1',
      '--allow-origin',
      'http://127.0.0.1:4000',
    ])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await stdout()).not.toContain('cookies:')
  })

  it.each([
    ['localhost:3000', 'http://localhost:3000'],
    ['http://localhost:3000/app', 'http://localhost:3000'],
    ['ftp://localhost:3000', 'http://localhost:3000'],
  ])('refuses --allow-origin %s in the flag own words (exit 2)', async (given, meant) => {
    const result = await runBin(['serve', '--target', 'http://127.0.0.1:1', '--allow-origin', given], {
      cwd: emptyFolder(),
    })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`--allow-origin takes the origin of the page that calls the proxy`)
    expect(result.stderr).toContain(`Did you mean ${meant}?`)
    expect(result.stderr).not.toContain('cors.origins')
  })
})
