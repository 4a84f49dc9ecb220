import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

describeHosts('path rewrite', ({ it, serve }) => {
  const upstream = useUpstream()
  const app = serve(() => ({
    routes: {
      // A target with a base path stands for the prefix.
      '/api': `${upstream.url}/v1`,
      // A template uses the pattern's parameters, under the target's base path.
      '/files/:path*': { target: `${upstream.url}/storage`, rewrite: '/blobs/:path*' },
      '/users/:id': { target: upstream.url, rewrite: '/accounts/:id/profile' },
      // A query in the template is a query, merged with the request's.
      '/legacy': { target: `${upstream.url}/v1`, rewrite: '/:path*?legacy=1&v=2' },
    },
  }))

  it('joins the rest of a prefix route to the target base path', async () => {
    await request(`${app.url}/api/users/7?expand=roles`)
    await request(`${app.url}/api`)
    expect(upstream.requests.map((req) => req.path)).toEqual(['/v1/users/7?expand=roles', '/v1'])
  })

  it('applies a rewrite template with pattern parameters, below the target base path', async () => {
    await request(`${app.url}/files/reports/2024/q1.pdf?download=1`)
    await request(`${app.url}/users/42`)
    expect(upstream.requests.map((req) => req.path)).toEqual([
      '/storage/blobs/reports/2024/q1.pdf?download=1',
      '/accounts/42/profile',
    ])
  })

  it('keeps percent-encoded characters of the path as they were sent', async () => {
    await request(`${app.url}/api/search/caf%C3%A9%20cr%C3%A8me`)
    expect(upstream.requests[0]?.path).toBe('/v1/search/caf%C3%A9%20cr%C3%A8me')
  })

  it.requires('rewriteQuery')(
    "merges a rewrite's query with the request's: the request's order, the rewrite's values win",
    async () => {
      await request(`${app.url}/legacy/me?a=1&v=9`)
      await request(`${app.url}/legacy/me`)
      expect(upstream.requests.map((req) => req.path)).toEqual([
        '/v1/me?a=1&v=2&legacy=1',
        '/v1/me?legacy=1&v=2',
      ])
    },
  )
})
