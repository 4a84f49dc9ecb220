// The inspector and the report of blocked calls in a real `next dev`, written once for both of Next's
// bundlers (one file each, one dev server per file): the route handler of `app/api/[...path]/route.js`
// reached at `/__sameorigin/` through the rewrite `withSameOrigin` adds, and
// `instrumentation-client.js` importing `@sameorigin/next/report-client`. A real upstream; real
// Chromium for the blocked call.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Upstream } from '@sameorigin/test-utils'
import { CHROMIUM_ARGS, findChromium, request, startUpstream } from '@sameorigin/test-utils'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { NextApp, NextRun } from './_next-app.ts'
import { createNextApp, serveNext } from './_next-app.ts'

const WAIT = { timeout: 60_000, interval: 100 }
/** Past {@link WAIT}, so a wait that fails says what it waited for. */
const TEST_TIMEOUT = 90_000
/** The inspector page's files, shipped in `@sameorigin/core`. */
const UI = join(
  dirname(createRequire(import.meta.url).resolve('@sameorigin/core/package.json')),
  'inspector-ui',
)
/** Set by the app's instrumentation-client.js, so the test knows the file ran in the page. */
const MARK = 'appInstrumented'

interface Header {
  readonly name: string
  readonly value: string
}
interface Listed {
  readonly id: number
  readonly method: string
  readonly url: string
  readonly route: string | undefined
  readonly status: number | undefined
  readonly request: { readonly upstream: readonly Header[] | undefined }
  readonly response: { readonly upstream?: readonly Header[]; readonly client: readonly Header[] | undefined }
}

const values = (headers: readonly Header[] | undefined, name: string): string[] =>
  (headers ?? []).filter((header) => header.name === name).map((header) => header.value)

/**
 * The tests of `next dev` with `bundler` (Turbopack, Next's default, or webpack with `--webpack`): the
 * inspector's page and files, a recorded exchange, and Chromium's blocked call explained.
 */
/**
 * An App Router app in route mode with `/api` forwarded to `target` and the report client imported
 * from `instrumentation-client.js`, which also sets `globalThis[mark]` (to tell it ran, or is bundled).
 */
export function inspectorAppFiles(target: string, mark: string): Record<string, string> {
  return {
    'next.config.mjs':
      "import { withSameOrigin } from '@sameorigin/next'\nexport default withSameOrigin({}, { mode: 'route' })\n",
    'sameorigin.config.mjs': `export default { routes: { '/api': '${target}' } }\n`,
    'app/api/[...path]/route.js':
      "export { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } from '@sameorigin/next/route'\n",
    'app/layout.js':
      'export default function Layout({ children }) {\n  return <html><body>{children}</body></html>\n}\n',
    'app/page.js': 'export default function Page() {\n  return <main>app</main>\n}\n',
    'instrumentation-client.js': `import '@sameorigin/next/report-client'\nglobalThis.${mark} = true\n`,
  }
}

export function describeNextDevInspector(bundler: 'turbopack' | 'webpack'): void {
  let upstream: Upstream
  let app: NextApp
  let next: NextRun & { url: string }
  let browser: Browser | undefined

  beforeAll(async () => {
    upstream = await startUpstream({
      handle(req, res, recorded) {
        req.resume()
        if (req.url === '/v1/login') {
          res.writeHead(303, {
            location: `${upstream.url}/v1/me`,
            'set-cookie': 'session=abc123; Domain=backend.example; Path=/v1; HttpOnly',
          })
          return void res.end()
        }
        res.setHeader('content-type', 'application/json')
        res.end(JSON.stringify({ path: recorded.path }))
      },
    })
    app = createNextApp(inspectorAppFiles(`${upstream.url}/v1`, MARK))
    next = await serveNext(app.root, 'dev', bundler === 'webpack' ? ['--webpack'] : [])
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await next?.stop()
    app?.remove()
    await upstream?.close()
  })

  describe(`next dev (${bundler}) with the route handler: the inspector`, () => {
    it('prints its address at startup and serves its page at /__sameorigin/ through the rewrite', async () => {
      // Next asks for rewrites once it listens: the line carries its origin.
      await next.waitFor(/sameorigin: inspector: /)
      expect(next.output()).toContain(`sameorigin: inspector: ${next.url}/__sameorigin/`)
      const page = await request(`${next.url}/__sameorigin/`)
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.body).toContain('inspector.js')
      // Its files are the package's own, each by its name (the core's engine reads them unbundled).
      for (const name of ['inspector.css', 'inspector.js', 'inspector-table.js']) {
        const file = await request(`${next.url}/__sameorigin/${name}`)
        expect([name, file.status, file.body]).toEqual([name, 200, readFileSync(join(UI, name), 'utf8')])
      }
      // The bare path redirects to the page, as on every host.
      const bare = await request(`${next.url}/__sameorigin`)
      expect([bare.status, bare.headers.location]).toEqual([308, '/__sameorigin/'])
    })

    it(
      'lists a proxied exchange with the upstream request headers and the rewritten Set-Cookie',
      async () => {
        const login = await request(`${next.url}/api/login`, {
          method: 'POST',
          headers: { origin: next.url },
        })
        expect(login.status).toBe(303)
        expect(login.headers['set-cookie']).toEqual(['session=abc123; Path=/api; HttpOnly'])
        const upstreamHost = new URL(upstream.url).host
        let listed: Listed | undefined
        await vi.waitFor(async () => {
          const list = JSON.parse((await request(`${next.url}/__sameorigin/api/exchanges`)).body) as {
            exchanges: Listed[]
          }
          listed = list.exchanges.find((one) => one.url === '/api/login' && one.status === 303)
          expect(listed).toBeDefined()
        }, WAIT)
        const exchange = listed as Listed
        expect(exchange).toMatchObject({ method: 'POST', route: '/api' })
        // next dev logs the app's requests, not the inspector's: the page, files and API calls made so
        // far completed before the login, so their lines would be in the output by now.
        await next.waitFor(/ POST \/api\/login /)
        expect(next.output()).not.toMatch(/ (GET|POST) \/__sameorigin/)
        // As the upstream received it: its own Host, the Origin rewritten to the target.
        expect(values(exchange.request.upstream, 'host')).toEqual([upstreamHost])
        expect(values(exchange.request.upstream, 'origin')).toEqual([upstream.url])
        // As the browser received it: the cookie without its Domain, on the route's path (value masked).
        const [cookie] = values(exchange.response.client, 'set-cookie')
        expect(cookie).toMatch(/^session=.+; Path=\/api; HttpOnly$/)
        expect(cookie).not.toContain('abc123')
        const detail = JSON.parse(
          (await request(`${next.url}/__sameorigin/api/exchanges/${exchange.id}`)).body,
        ) as { changes: { rule: string; explanation: string }[] }
        expect(
          detail.changes.filter((change) => change.rule === 'set-cookie').map((c) => c.explanation),
        ).toEqual(expect.arrayContaining([expect.stringContaining('Domain=backend.example removed')]))
      },
      TEST_TIMEOUT,
    )
  })

  describe(`next dev (${bundler}) with the route handler: a call the browser blocked`, () => {
    it(
      'loads the report client in the page, and prints the blocked call with the route that fixes it',
      async () => {
        browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
        const page = await browser.newPage()
        await page.goto(`${next.url}/`)
        // The app's instrumentation file ran, and the report client it loads wraps fetch.
        await page.waitForFunction((mark) => (globalThis as Record<string, unknown>)[mark] === true, MARK, {
          timeout: WAIT.timeout,
        })
        await page.waitForFunction(
          () => (globalThis as Record<symbol, unknown>)[Symbol.for('sameorigin.report')] === true,
          undefined,
          { timeout: WAIT.timeout },
        )
        const direct = `${upstream.url}/v1/me`
        const result = await page.evaluate(
          (url) =>
            fetch(url, { credentials: 'include' }).then(
              () => 'answered',
              (error: unknown) => String(error),
            ),
          direct,
        )
        expect(result).toBe('TypeError: Failed to fetch')
        await vi.waitFor(
          () => expect(next.output()).toContain(`The browser blocked a call to another origin`),
          WAIT,
        )
        const block = next.output().slice(next.output().indexOf('The browser blocked a call'))
        expect(block).toContain(`GET ${direct}`)
        expect(block).toContain('call /api/me instead')
      },
      TEST_TIMEOUT,
    )
  })
}
