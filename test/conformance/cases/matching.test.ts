import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

describeHosts('prefix and pattern matching', ({ it, serve }) => {
  const upstream = useUpstream()
  // Each route tags what it forwards, so the test can tell which route matched.
  const app = serve(() => ({
    routes: [
      { path: '/api/admin', target: upstream.url, headers: { 'x-route': 'admin' } },
      { path: '/api', target: upstream.url, headers: { 'x-route': 'api' } },
      { path: '/users/:id', target: upstream.url, headers: { 'x-route': 'user' } },
      { path: /^\/v\d+\//, target: upstream.url, headers: { 'x-route': 'versioned' } },
    ],
  }))

  /** The route that forwarded `path`, or `undefined` when nothing reached the upstream. */
  async function routeOf(path: string): Promise<string | undefined> {
    upstream.requests.splice(0)
    await request(`${app.url}${path}`, { headers: { accept: 'application/json' } })
    expect(upstream.requests.length).toBeLessThanOrEqual(1)
    const header = upstream.requests[0]?.headers['x-route']
    return typeof header === 'string' ? header : undefined
  }

  it('forwards a prefix route with the path and query unchanged', async () => {
    const res = await request(`${app.url}/api/users?page=2&sort=name`)
    expect(res.status).toBe(200)
    expect(upstream.requests).toHaveLength(1)
    expect(upstream.requests[0]).toMatchObject({ method: 'GET', path: '/api/users?page=2&sort=name' })
  })

  it.requires('headerOverrides')(
    'matches a prefix on segment boundaries: /api and /api/ but never /apix',
    async () => {
      expect(await routeOf('/api')).toBe('api')
      expect(await routeOf('/api/')).toBe('api')
      expect(await routeOf('/api/x/y')).toBe('api')
      expect(await routeOf('/apix')).toBeUndefined()
      expect(await routeOf('/apix/users')).toBeUndefined()
    },
  )

  it.requires('headerOverrides')('tries routes in declaration order: the first match wins', async () => {
    expect(await routeOf('/api/admin/users')).toBe('admin')
    expect(await routeOf('/api/administrator')).toBe('api')
  })

  it.requires('headerOverrides')('matches a pattern with one segment per parameter', async () => {
    expect(await routeOf('/users/42')).toBe('user')
    expect(await routeOf('/users/42/posts')).toBeUndefined()
    expect(await routeOf('/users')).toBeUndefined()
  })

  it.requires('headerOverrides', 'regexpRoutes')('matches a regular expression route', async () => {
    expect(await routeOf('/v2/things')).toBe('versioned')
    expect(await routeOf('/v10/things?x=1')).toBe('versioned')
    expect(await routeOf('/vx/things')).toBeUndefined()
  })

  it('leaves unmatched requests to the host', async () => {
    const res = await request(`${app.url}/`, { headers: { accept: 'text/html' } })
    expect(res.status).toBeLessThan(500)
    expect(upstream.requests).toHaveLength(0)
  })
})
