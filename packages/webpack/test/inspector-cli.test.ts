// The inspector on every dev server the plugin mounts in, through the commands users run: `webpack
// serve` with webpack-dev-server 5 and 6, and `rspack serve`. The engine answers `/__sameorigin/`
// after the dev server's own Host check, records every proxied exchange, and the bundle the dev
// server serves starts with the report client.
import type { Upstream } from '@sameorigin/test-utils'
import { request, sendRaw, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { CliKind, RunningCli } from './_cli.ts'
import { CLI_KINDS, startCli } from './_cli.ts'

/** What only the report client's code contains (the path it posts to). */
const REPORT_CLIENT_MARK = "Symbol.for('sameorigin.report')"

const pluginConfig = (target: string, extra = ''): string => `config = {
  devServer: { host: '127.0.0.1', port: 0 },
  plugins: [new SameOriginPlugin({ configFile: false, routes: { '/api': ${JSON.stringify(target)} }${extra} })],
}`

describe.each(CLI_KINDS)('%s serve: the inspector', (kind: CliKind) => {
  let api: Upstream, cli: RunningCli

  beforeAll(async () => {
    api = await startUpstream()
    cli = await startCli(kind, { config: pluginConfig(api.url), readyWhen: /inspector: http/ })
  })
  afterAll(async () => {
    await cli?.stop()
    await api?.close()
  })

  it('serves the page at /__sameorigin/, and its API lists a proxied exchange', async () => {
    const page = await request(`${cli.url}/__sameorigin/`)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('sameorigin')

    expect((await request(`${cli.url}/api/users?page=2`)).status).toBe(200)
    const listed = async (): Promise<unknown> =>
      JSON.parse((await request(`${cli.url}/__sameorigin/api/exchanges`)).body)
    await expect.poll(listed).toMatchObject({
      exchanges: [
        {
          method: 'GET',
          url: '/api/users?page=2',
          route: '/api',
          upstreamUrl: `${api.url}/api/users?page=2`,
          status: 200,
          state: 'done',
        },
      ],
    })
    // The inspector's own requests are not exchanges of a route.
    expect(api.requests.map((recorded) => recorded.path)).toEqual(['/api/users?page=2'])
  })

  it("prints the inspector's address right under the route table", () => {
    const lines = cli.output().split('\n')
    const table = lines.findIndex((line) => line.includes('[sameorigin] routes (first match wins):'))
    const inspector = lines.findIndex((line) => line.includes('[sameorigin] inspector: '))
    expect(lines[inspector]).toMatch(new RegExp(`\\[sameorigin\\] inspector: ${cli.url}/__sameorigin/$`))
    expect(inspector).toBe(table + 2) // the table has one route
  })

  it('serves a bundle that starts with the report client', async () => {
    const bundle = (await request(`${cli.url}/main.js`)).body
    expect(bundle).toContain(REPORT_CLIENT_MARK)
    // The startup runs it before the application's own entry module (after the dev server's client).
    const runsClient = bundle.lastIndexOf('/report-client.js");')
    expect(runsClient).toBeGreaterThan(0)
    expect(runsClient).toBeLessThan(bundle.lastIndexOf('__webpack_require__("./src/index.js")'))
  })

  it('refuses a foreign Host on the inspector path, as on the routes', async () => {
    for (const path of ['/__sameorigin/', '/__sameorigin/api/exchanges']) {
      const get = `GET ${path} HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`
      expect(await sendRaw(cli.port, get)).toMatch(/^HTTP\/1\.1 403/)
    }
  })
})

describe.each(CLI_KINDS)('%s serve with inspector: false', (kind: CliKind) => {
  it('leaves /__sameorigin/ to the dev server, prints no address and adds nothing to the bundle', async () => {
    const api = await startUpstream()
    onTestFinished(() => api.close())
    const cli = await startCli(kind, { config: pluginConfig(api.url, ', inspector: false') })
    onTestFinished(() => cli.stop())
    const page = await request(`${cli.url}/__sameorigin/`)
    expect(page.status).toBe(404)
    expect(page.body).not.toContain('<!doctype html')
    expect(cli.output()).not.toContain('inspector:')
    expect((await request(`${cli.url}/main.js`)).body).not.toContain('__sameorigin')
    // The routes still work.
    expect((await request(`${cli.url}/api/x`)).status).toBe(200)
  })
})
