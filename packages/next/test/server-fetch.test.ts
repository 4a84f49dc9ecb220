import type { Upstream } from '@sameorigin/test-utils'
import { startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServerFetch } from '../src/route/server-fetch.ts'

describe('serverFetch', () => {
  let upstream: Upstream
  beforeAll(async () => {
    upstream = await startUpstream()
  })
  afterAll(async () => {
    await upstream?.close()
  })

  it("resolves a dev-server path through the routes, with the route's headers", async () => {
    const serverFetch = createServerFetch({
      configFile: false,
      routes: { '/api': { target: `${upstream.url}/v1`, headers: { authorization: 'Bearer dev' } } },
    })
    const res = await serverFetch('/api/me?full=1', { headers: { cookie: 'session=abc' } })
    const echoed = (await res.json()) as { path: string; headers: Record<string, string> }
    expect(echoed.path).toBe('/v1/me?full=1')
    expect(echoed.headers).toMatchObject({ authorization: 'Bearer dev', cookie: 'session=abc' })
  })

  it('passes absolute URLs to fetch as they are, and refuses a path no route matches', async () => {
    const serverFetch = createServerFetch({ configFile: false, routes: { '/api': upstream.url } })
    expect((await serverFetch(`${upstream.url}/direct`)).status).toBe(200)
    await expect(serverFetch('/elsewhere')).rejects.toThrow('no sameorigin route matches GET /elsewhere')
  })

  it("takes a route handler's request: its origin, and its cookie for the upstream", async () => {
    const serverFetch = createServerFetch({ configFile: false, routes: { '/api': upstream.url } })
    const request = new Request('http://127.0.0.1:3000/dashboard', { headers: { cookie: 'session=ada' } })
    const res = await serverFetch('/api/me', { request })
    const echoed = (await res.json()) as { path: string; headers: Record<string, string> }
    expect(echoed).toMatchObject({ path: '/api/me', headers: { cookie: 'session=ada' } })
  })
})
