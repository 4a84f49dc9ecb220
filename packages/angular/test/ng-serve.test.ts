// `ng serve` (Angular 22, @angular/build's Vite dev server) with `@sameorigin/angular:dev-server`, in a
// child process under Node 24, on a copy of examples/angular, with the real demo backend.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Backend } from '@sameorigin/example-backend'
import { startBackend } from '@sameorigin/example-backend'
import {
  CHROMIUM_ARGS,
  connectWebSocket,
  findChromium,
  findRefusingPort,
  request,
  sendRaw,
} from '@sameorigin/test-utils'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import type { NgServe } from './_ng-serve.ts'
import { angularJsonWith, createProject, runFailingNgServe, startNgServe } from './_ng-serve.ts'

/** A config module with these routes (no imports: the copy's own file, as a user writes it). */
const configModule = (routes: Record<string, unknown>): string =>
  `export default ${JSON.stringify({ routes }, null, 2)}\n`

describe('ng serve with @sameorigin/angular:dev-server', () => {
  let backend: Backend
  let refusing: number
  let ng: NgServe
  let project: Awaited<ReturnType<typeof createProject>>
  const routes = (): Record<string, unknown> => ({
    '/api': backend.url,
    '/down': `http://127.0.0.1:${refusing}`,
  })

  beforeAll(async () => {
    backend = await startBackend({ port: 0 })
    refusing = await findRefusingPort()
    project = await createProject({
      'sameorigin.config.ts': configModule(routes()),
      // Angular's own proxy for /api and /legacy, to a port that refuses: sameorigin's /api wins.
      'proxy.conf.json': JSON.stringify({
        '/api': { target: `http://127.0.0.1:${refusing}` },
        '/legacy': { target: `http://127.0.0.1:${refusing}` },
      }),
    })
    // `--proxy-config`: one of Angular's own options, as an ng serve flag, under this builder.
    ng = await startNgServe(project.root, ['--proxy-config', 'proxy.conf.json'])
  })
  afterAll(async () => {
    await ng?.close()
    await backend?.close()
    await project?.remove()
  })

  it('prints the route table, the inspector and the proxyConfig overlap once it listens', async () => {
    await expect.poll(() => ng.output()).toContain(`${ng.url}/__sameorigin/`)
    const output = ng.output()
    expect(output).toMatch(new RegExp(`/api\\s+→ ${backend.url}/`))
    expect(output).toContain(
      "proxyConfig has entries for paths sameorigin also routes: '/api' (route '/api')",
    )
    expect(output).not.toContain("'/legacy' (route")
  })

  it('login: the 303 stays on the dev origin, the cookie is rewritten and sent back on /api/me', async () => {
    const login = await request(`${ng.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ng.url },
      body: JSON.stringify({ user: 'ada' }),
    })
    expect(login.status).toBe(303)
    expect(login.headers.location).toBe('/api/me')
    const [cookie] = login.headers['set-cookie'] ?? []
    expect(cookie).toMatch(/^session=[\w-]+; Path=\/api; HttpOnly; SameSite=Lax$/)
    const me = await request(`${ng.url}/api/me`, { headers: { cookie: cookie!.split(';')[0]! } })
    expect({ status: me.status, body: me.body }).toEqual({ status: 200, body: '{"user":"ada"}' })
  })

  it("a route's answer carries the backend's headers only, not the CORS headers Vite adds to Angular's", async () => {
    const origin = { origin: 'http://localhost:3000' }
    const health = await request(`${ng.url}/api/health`, { headers: origin })
    expect(health.status).toBe(200)
    expect(health.headers['access-control-allow-origin']).toBeUndefined()
    // Angular's own responses keep them (Vite's CORS, as Angular configures it).
    const page = await request(`${ng.url}/`, { headers: origin })
    expect(page.headers['access-control-allow-origin']).toBe('http://localhost:3000')
  })

  it('a websocket on /api/ws reaches the backend through the dev server socket', async () => {
    const client = await connectWebSocket(`${ng.url.replace('http', 'ws')}/api/ws`)
    client.socket.send('hello through ng serve')
    expect(await client.waitFor((message) => message === 'hello through ng serve')).toBeTruthy()
  })

  it('server-sent events arrive one by one', async () => {
    const res = await fetch(`${ng.url}/api/events?count=3`)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    // The first event arrives while the stream is still open (not buffered to the end).
    const first = await reader.read()
    expect(first.value).toContain('"n":1')
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += chunk.value
    expect(rest).toContain('"n":3')
  })

  it('Vite HMR socket stays Angular’s', async () => {
    const client = await request(`${ng.url}/@vite/client`)
    const token = /const wsToken = "([^"]+)"/.exec(client.body)?.[1]
    expect(token).toBeDefined()
    const hmr = await connectWebSocket(`${ng.url.replace('http', 'ws')}/?token=${token}`, 'vite-hmr')
    expect(await hmr.waitFor((message) => message.includes('"connected"'))).toBeTruthy()
  })

  it('index.html loads the report client, and the engine serves it with the inspector', async () => {
    const page = await request(`${ng.url}/`)
    expect(page.body).toContain('<head><script src="/__sameorigin/report-client.js"></script>')
    expect((await request(`${ng.url}/__sameorigin/report-client.js`)).status).toBe(200)
    expect((await request(`${ng.url}/__sameorigin/`)).status).toBe(200)
  })

  it('an unreachable backend is a 502 that says why', async () => {
    const res = await request(`${ng.url}/down/x`, { headers: { accept: 'application/json' } })
    expect(res.status).toBe(502)
    expect(res.body).toMatch(/refused/i)
    expect(res.body).toContain(`127.0.0.1:${refusing}`)
  })

  it('CONNECT gets 405, not a dropped socket', async () => {
    const answer = await sendRaw(
      ng.port,
      `CONNECT 127.0.0.1:${ng.port} HTTP/1.1\r\nHost: 127.0.0.1:${ng.port}\r\nConnection: close\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 405 /)
  })

  it('in Chromium: the page logs in through /api and shows the user; the cookie is stored for the dev host', async () => {
    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] })
    onTestFinished(() => browser.close())
    const context = await browser.newContext()
    const page = await context.newPage()
    const devUrl = ng.url.replace('127.0.0.1', 'localhost')
    await page.goto(devUrl)
    const session = page.getByRole('region', { name: 'Session' })
    await session.getByLabel('User name').fill('ada')
    await session.getByRole('button', { name: 'Log in' }).click()
    await session.getByText('Logged in as ada').waitFor()
    const cookies = await context.cookies()
    expect(cookies).toEqual([
      expect.objectContaining({
        name: 'session',
        domain: 'localhost',
        path: '/api',
        secure: false,
        sameSite: 'Lax',
      }),
    ])
    await page.reload()
    await session.getByText('Logged in as ada').waitFor()
    await session.getByRole('button', { name: 'Log out' }).click()
    await session.getByRole('button', { name: 'Log in' }).waitFor()
    expect(await context.cookies()).toEqual([])
  })

  // Last: it changes the routes for the rest of the block.
  it('a config edit applies to the next request, without a restart', async () => {
    const before = await request(`${ng.url}/health`)
    expect(before.body).not.toBe('{"ok":true}')
    const file = join(project.root, 'sameorigin.config.ts')
    expect(await readFile(file, 'utf8')).toContain('/down')
    await writeFile(file, configModule({ ...routes(), '/health': `${backend.url}/api/health` }))
    await expect
      .poll(async () => (await request(`${ng.url}/health`)).body, { timeout: 15_000 })
      .toBe('{"ok":true}')
  })
})

describe('the options in angular.json', () => {
  it('sameoriginConfig names the config file, relative to the project root', async () => {
    const project = await createProject({
      'angular.json': await angularJsonWith({ sameoriginConfig: 'dev.sameorigin.mjs' }),
      'dev.sameorigin.mjs': configModule({ '/named': 'http://127.0.0.1:9' }),
    })
    onTestFinished(() => project.remove())
    const ng = await startNgServe(project.root)
    onTestFinished(() => ng.close())
    await expect.poll(() => ng.output()).toMatch(/\/named\s+→ http:\/\/127\.0\.0\.1:9\//)
  })

  it("an option Angular's dev server does not know fails the start with Angular's own message", async () => {
    const project = await createProject({
      'angular.json': await angularJsonWith({ notAnAngularOption: true }),
      'sameorigin.config.ts': configModule({ '/api': 'http://127.0.0.1:9' }),
    })
    onTestFinished(() => project.remove())
    const { code, output } = await runFailingNgServe(project.root)
    expect(code).not.toBe(0)
    expect(output).toContain('notAnAngularOption')
  })
})

describe('ng serve with a bad sameorigin config', () => {
  it('fails its start with the error naming the key', async () => {
    const project = await createProject({
      'sameorigin.config.ts': `export default { routes: { '/api': { target: 'not a url' } } }\n`,
    })
    onTestFinished(() => project.remove())
    const { code, output } = await runFailingNgServe(project.root)
    expect(code).not.toBe(0)
    expect(output).toContain('ERR_CONFIG_INVALID')
    expect(output).toContain("routes['/api'].target")
    expect(output).not.toContain('Local:')
  })
})
