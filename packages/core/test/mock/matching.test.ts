import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { connectWebSocket } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { createFetchProxy } from '../../src/fetch/create-fetch-proxy.ts'
import { startProxy } from '../engine/_start-proxy.ts'
import { TRANSPORTS, startBackend, startRig, tempMockDir } from './_mock-rig.ts'

function put(dir: string, path: string, content: unknown): void {
  const file = join(dir, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
}

const json = (text: string): unknown => JSON.parse(text)

describe.each(TRANSPORTS)('mocks: matching files written by hand (%s)', (transport) => {
  it("prefers the query's own file, sorted by name, and falls back to the file for any query", async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    put(dir, 'api/search/GET.json', { body: { any: true } })
    put(dir, 'api/search/GET.q=a.json', { body: { q: 'a' } })
    put(dir, 'api/search/GET.a=1&b=x%20y.json', { body: { sorted: true } })
    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'always' } } },
    })
    expect(json((await rig.send('/api/search?q=a')).text)).toEqual({ q: 'a' })
    expect(json((await rig.send('/api/search?q=b')).text)).toEqual({ any: true })
    expect(json((await rig.send('/api/search')).text)).toEqual({ any: true })
    const sorted = await rig.send('/api/search?b=x+y&a=1')
    expect(json(sorted.text)).toEqual({ sorted: true })
    expect(sorted.header('x-sameorigin-mock')).toBe('api/search/GET.a=1&b=x%20y.json')
  })

  it('reads a [name] folder as any one segment, the exact folder winning, and backtracks', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    put(dir, 'api/users/[id]/GET.json', { body: { any: 'user' } })
    put(dir, 'api/users/me/GET.json', { body: { me: true } })
    put(dir, 'api/users/[id]/posts/GET.json', { body: { posts: [] } })
    const rig = await startRig(transport, {
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'always' } } },
    })
    const seven = await rig.send('/api/users/7')
    expect(json(seven.text)).toEqual({ any: 'user' })
    expect(seven.header('x-sameorigin-mock')).toBe('api/users/[id]/GET.json')
    expect(json((await rig.send('/api/users/me')).text)).toEqual({ me: true })
    // `me` has no `posts`: the walk goes back and takes `[id]`.
    expect(json((await rig.send('/api/users/me/posts')).text)).toEqual({ posts: [] })
    // A literal `[id]` in the request is not the parameter folder.
    expect((await rig.send('/api/users/%5Bid%5D/x')).status).toBe(404)
    expect(backend.requests).toHaveLength(0)
  })

  it('sends file answers through the response rewriting: Location back to the dev server, cookies', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    put(dir, 'api/login/POST.json', {
      status: 302,
      headers: {
        location: `${backend.url}/api/home`,
        'set-cookie': ['sid=1; Domain=staging.example; Secure; Path=/'],
      },
    })
    put(dir, 'api/readme/GET.json', { headers: { 'content-type': 'text/markdown' }, body: '# hi' })
    put(dir, 'api/broken/GET.json', '{ "status": 200, }')
    const rig = await startRig(transport, {
      routes: {
        '/api': { target: backend.url, responseHeaders: { 'x-route': '1' }, mock: { dir, mode: 'always' } },
      },
    })
    const login = await rig.send('/api/login', {
      method: 'POST',
      body: 'user=ada',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(login.status).toBe(302)
    expect(login.header('location')).toBe('/api/home')
    expect(login.setCookies).toEqual(['sid=1; Path=/'])
    expect(login.header('x-route')).toBe('1')
    const readme = await rig.send('/api/readme')
    expect(readme.header('content-type')).toBe('text/markdown')
    expect(readme.text).toBe('# hi')
    const broken = await rig.send('/api/broken')
    expect(broken.status).toBe(500)
    expect(json(broken.text)).toMatchObject({ error: { code: 'ERR_MOCK_FILE_INVALID' } })
  })

  it('asks the handler first (with the body in always mode), then the folder', async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    put(dir, 'api/users/GET.json', { body: [{ id: 1 }] })
    const rig = await startRig(transport, {
      routes: {
        '/api': {
          target: backend.url,
          mock: {
            dir,
            mode: 'always',
            handler: async (request) => {
              if (request.method !== 'POST') return undefined
              const sent = (await request.json()) as { name: string }
              return Response.json({ created: sent.name }, { status: 201 })
            },
          },
        },
      },
    })
    const created = await rig.send('/api/users', {
      method: 'POST',
      body: '{"name":"Ada"}',
      headers: { 'content-type': 'application/json' },
    })
    expect(created.status).toBe(201)
    expect(created.header('x-sameorigin-mock')).toBe('handler')
    expect(json(created.text)).toEqual({ created: 'Ada' })
    expect(json((await rig.send('/api/users')).text)).toEqual([{ id: 1 }])
  })

  it("loads a handler module from the config file's folder, and reports one that throws", async () => {
    const backend = await startBackend()
    const root = tempMockDir()
    put(root, 'pnpm-workspace.yaml', 'packages: []\n')
    put(root, 'sameorigin.config.json', {
      routes: { '/api': { target: backend.url, mock: { handler: './mocks/handler.ts', mode: 'always' } } },
    })
    put(
      root,
      'mocks/handler.ts',
      `export default (request: Request): Response | undefined => {
  const { pathname } = new URL(request.url)
  if (pathname === '/api/boom') throw new Error('no such user')
  return pathname === '/api/me' ? Response.json({ id: 1 }) : undefined
}\n`,
    )
    const { loadConfig } = await import('../../src/config/load-config.ts')
    const rig = await startRig(transport, await loadConfig({ root: join(root, 'mocks') }))
    expect(json((await rig.send('/api/me')).text)).toEqual({ id: 1 })
    const boom = await rig.send('/api/boom')
    expect(boom.status).toBe(500)
    expect(json(boom.text)).toMatchObject({
      error: { code: 'ERR_MOCK_HANDLER_FAILED', message: 'The mock handler threw: no such user' },
    })
    expect((await rig.send('/api/other')).status).toBe(404)
  })
})

describe('mocks: websockets and the runtime entry', () => {
  it("refuses a websocket on an 'always' route with 501, never reaching the backend", async () => {
    const backend = await startBackend()
    const dir = tempMockDir()
    const proxy = await startProxy({
      routes: { '/api': { target: backend.url, mock: { dir, mode: 'always' } } },
    })
    const error = await connectWebSocket(`ws://127.0.0.1:${proxy.port}/api/live`).then(
      () => undefined,
      (cause: unknown) => cause as Error,
    )
    expect(String(error)).toMatch(/501/)
    expect(backend.requests).toHaveLength(0)
    expect(proxy.logs.warnings()[0]).toContain('ERR_MOCK_WS_UNSUPPORTED')
  })

  it('refuses a mock folder on the runtime entry when the proxy is created, and runs inline handlers', async () => {
    expect(() =>
      createFetchProxy({ routes: { '/api': { target: 'http://127.0.0.1:9', mock: './mocks' } } }),
    ).toThrow(/routes\['\/api'\]\.mock\.dir needs files, which this transport cannot read/)
    const proxy = createFetchProxy({
      routes: {
        '/api': {
          target: 'http://127.0.0.1:9',
          mock: { mode: 'always', handler: () => Response.json({ ok: 1 }) },
        },
      },
    })
    const response = await proxy(new Request('http://localhost:5173/api/x'))
    expect(response?.headers.get('x-sameorigin-mock')).toBe('handler')
    expect(await response?.json()).toEqual({ ok: 1 })
    await proxy.close()
  })
})
