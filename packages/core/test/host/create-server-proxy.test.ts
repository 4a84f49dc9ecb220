import { toConfigModule, upstreamForTest } from '@sameorigin/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { ServerProxyOptions } from '../../src/host/create-server-proxy.ts'
import { createServerProxy } from '../../src/host/create-server-proxy.ts'
import { useTempWorkspace } from '../config/_temp-workspace.ts'
import { captureLogs, eventually } from '../engine/_start-proxy.ts'

const workspace = useTempWorkspace('sameorigin-server-proxy-')

/** The page request a framework is rendering: on the dev origin, with the browser's credentials. */
const PAGE = new Request('http://localhost:5173/account', {
  headers: { cookie: 'session=ada', authorization: 'Bearer page-token' },
})

function start(options: ServerProxyOptions = {}) {
  const logs = captureLogs()
  const proxy = createServerProxy({
    root: workspace.dir,
    mode: 'development',
    logger: logs,
    env: {},
    ...options,
  })
  onTestFinished(() => proxy.close())
  return { proxy, logs }
}

describe('createServerProxy', () => {
  it('handles a request the routes match through the pipeline, and passes on the others', async () => {
    const upstream = await upstreamForTest()
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': upstream.url }))
    const { proxy } = start()
    const answer = await proxy.handle(
      new Request('http://localhost:5173/api/me?x=1', { method: 'POST', body: 'hi' }),
    )
    expect(answer?.status).toBe(200)
    expect(upstream.requests[0]).toMatchObject({ method: 'POST', path: '/api/me?x=1', body: 'hi' })
    expect(upstream.requests[0]?.headers.host).toBe(new URL(upstream.url).host)
    expect(await proxy.handle(new Request('http://localhost:5173/page'))).toBeUndefined()
    // The same host check as every host: a foreign Host is refused before any backend.
    const foreign = await proxy.handle(new Request('http://attacker.example/api/me'))
    expect(foreign?.status).toBe(403)
    expect(upstream.requests).toHaveLength(1)
  })

  it("serverFetch sends a path on the page's origin with its cookie and authorization, and rewrites the answer for it", async () => {
    const upstream = await upstreamForTest({
      handle: (_req, res) => {
        res.writeHead(302, {
          location: `${upstream.url}/api/next`,
          'set-cookie': 'token=1; Domain=127.0.0.1; Secure; SameSite=None; Path=/',
        })
        res.end()
      },
    })
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': upstream.url }))
    const { proxy } = start()
    const answer = await proxy.fetch('/api/me', { request: PAGE, redirect: 'manual' })
    expect(upstream.requests[0]?.path).toBe('/api/me')
    expect(upstream.requests[0]?.headers).toMatchObject({
      cookie: 'session=ada',
      authorization: 'Bearer page-token',
    })
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('/api/next')
    expect(answer.headers.getSetCookie()).toEqual(['token=1; SameSite=Lax; Path=/'])
  })

  it("keeps the call's own credentials, and sends none with credentials: 'omit'", async () => {
    const upstream = await upstreamForTest()
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': upstream.url }))
    const { proxy } = start()
    await proxy.fetch('http://localhost:5173/api/a', { request: PAGE, headers: { cookie: 'session=own' } })
    await proxy.fetch('/api/b', { request: PAGE, credentials: 'omit' })
    await proxy.fetch(new Request('http://localhost/api/c', { method: 'PUT', body: 'x' }))
    expect(
      upstream.requests.map((seen) => [seen.path, seen.headers.cookie, seen.headers.authorization]),
    ).toEqual([
      ['/api/a', 'session=own', 'Bearer page-token'],
      ['/api/b', undefined, undefined],
      ['/api/c', undefined, undefined],
    ])
    expect(upstream.requests[2]).toMatchObject({ method: 'PUT', body: 'x' })
  })

  it('sends another origin to fetch as it is, and names the path when no route matches a same-origin one', async () => {
    const upstream = await upstreamForTest()
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': 'http://127.0.0.1:9' }))
    const { proxy } = start()
    const direct = await proxy.fetch(`${upstream.url}/elsewhere`, { request: PAGE })
    expect(direct.status).toBe(200)
    // Credentials never go to another origin.
    expect(upstream.requests[0]?.headers.cookie).toBeUndefined()
    await expect(proxy.fetch('/account/data', { request: PAGE })).rejects.toThrow(
      "no sameorigin route matches GET /account/data. Add a route for it to sameorigin.config (e.g. routes: { '/account': 'http://127.0.0.1:8080' })",
    )
  })

  it("in production mode forwards nothing unless asked: serverFetch calls the page's own origin", async () => {
    const site = await upstreamForTest()
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': 'http://127.0.0.1:9' }))
    const { proxy } = start({ mode: 'production' })
    const page = new Request(`${site.url}/account`, { headers: { cookie: 'session=ada' } })
    expect(await proxy.handle(new Request(`${site.url}/api/me`))).toBeUndefined()
    expect((await proxy.fetch('/api/me', { request: page })).status).toBe(200)
    expect(site.requests[0]).toMatchObject({ path: '/api/me', headers: { cookie: 'session=ada' } })

    const backend = await upstreamForTest()
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': backend.url }))
    const asked = start({ mode: 'production', production: true }).proxy
    expect((await asked.handle(new Request('http://localhost/api/me')))?.status).toBe(200)
    expect(backend.requests).toHaveLength(1)
  })

  it('follows edits of the config file in development, and retries a first load that failed', async () => {
    const [first, second] = [await upstreamForTest(), await upstreamForTest()]
    workspace.put('sameorigin.config.mjs', 'export default { routes: { "/api": 42 } }\n')
    const { proxy, logs } = start()
    await expect(proxy.fetch('/api/x')).rejects.toThrow(/routes/)
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': first.url }))
    expect((await proxy.fetch('/api/x')).status).toBe(200)
    workspace.put('sameorigin.config.mjs', toConfigModule({ '/api': second.url }))
    await eventually(() => logs.lines.some((line) => /changed/.test(line.message)), 10_000)
    expect((await proxy.fetch('/api/y')).status).toBe(200)
    expect([first.requests.length, second.requests.length]).toEqual([1, 1])
  })
})
