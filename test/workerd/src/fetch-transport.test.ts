// @sameorigin/core/fetch run for real under workerd (Cloudflare's runtime, through miniflare): the
// worker imports core's built `default` condition (dist/fetch.mjs, which must load without any node:
// module) and forwards with the runtime's fetch to backends on 127.0.0.1. miniflare's outbound
// "internet" service allows private addresses (workerd alone allows only public ones), so nothing
// needs configuring for loopback.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Upstream } from '@sameorigin/test-utils'
import { startUpstream } from '@sameorigin/test-utils'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const dist = fileURLToPath(new URL('../../../packages/core/dist/', import.meta.url))
const here = fileURLToPath(new URL('.', import.meta.url))

/** The worker and every module of core's dist (workerd resolves the chunks `fetch.mjs` imports). */
function toModules(): { type: 'ESModule'; path: string; contents: string }[] {
  const modules = [
    {
      type: 'ESModule' as const,
      path: `${here}worker.mjs`,
      contents: readFileSync(`${here}worker.mjs`, 'utf8'),
    },
  ]
  for (const file of readdirSync(dist)) {
    if (file.endsWith('.mjs'))
      modules.push({
        type: 'ESModule',
        path: `${here}${file}`,
        contents: readFileSync(`${dist}${file}`, 'utf8'),
      })
  }
  return modules
}

let upstream: Upstream
let down: Upstream
let mf: Miniflare

beforeAll(async () => {
  upstream = await startUpstream({
    handle: (req, res) => {
      if (req.url === '/api/login') {
        res.writeHead(302, {
          location: `${upstream.url}/api/home`,
          'set-cookie': 'sid=1; Domain=api.example.com; Path=/',
        })
        return void res.end()
      }
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () =>
        res.end(
          JSON.stringify({ method: req.method, path: req.url, body, xfh: req.headers['x-forwarded-host'] }),
        ),
      )
    },
  })
  down = await startUpstream()
  await down.close()
  mf = new Miniflare({
    modules: toModules(),
    modulesRoot: here,
    compatibilityDate: '2025-01-01',
    bindings: { CONFIG: { routes: { '/api': upstream.url, '/down': down.url } } },
  })
  await mf.ready
})

afterAll(async () => {
  await mf?.dispose()
  await upstream?.close()
})

describe('the Fetch transport under workerd (runtime client)', () => {
  it('forwards method, path, query and a streamed body', async () => {
    const response = await mf.dispatchFetch('http://localhost:8787/api/items?x=1', {
      method: 'POST',
      body: 'hello',
    })
    expect(response.status).toBe(200)
    // miniflare's dispatchFetch sends its own address as Host (the worker's URL is the original).
    expect(await response.json()).toMatchObject({ method: 'POST', path: '/api/items?x=1', body: 'hello' })
  })

  it('rewrites the redirect and the cookie for the dev origin', async () => {
    const response = await mf.dispatchFetch('http://localhost:8787/api/login', { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/api/home')
    expect(response.headers.getSetCookie()).toEqual(['sid=1; Path=/'])
    await response.arrayBuffer()
  })

  it('refuses an unsafe path with 400 and reaches no backend', async () => {
    const before = upstream.requests.length
    const response = await mf.dispatchFetch('http://localhost:8787/api/..%2fsecret')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'ERR_REQUEST_PATH_UNSAFE',
    )
    expect(upstream.requests.length).toBe(before)
  })

  it('answers 502 when the backend is down', async () => {
    const response = await mf.dispatchFetch('http://localhost:8787/down/x')
    expect(response.status).toBe(502)
    expect(((await response.json()) as { error: { code: string } }).error.code).toMatch(/^ERR_UPSTREAM_/)
  })

  it('leaves other requests to the worker', async () => {
    const response = await mf.dispatchFetch('http://localhost:8787/page')
    expect(await response.text()).toBe('app')
  })
})
