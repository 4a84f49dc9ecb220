import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

// What a staging backend sends on login: cookies for its own domain, Secure, SameSite=None, scoped
// to its base path. A browser on http://127.0.0.1:<port> would drop or never send every one of them.
const STAGING_COOKIES = [
  'sid=abc123; Domain=staging.example.com; Path=/v1; Secure; HttpOnly; SameSite=None',
  'theme=dark; Path=/; Max-Age=3600',
  'csrf=t0k3n; Domain=.example.com; Path=/v1/forms; Secure; SameSite=Strict',
  '__Host-session=xyz; Path=/; Secure; HttpOnly',
]

describeHosts('Set-Cookie rewriting', ({ it, serve }) => {
  const upstream = useUpstream({
    handle: (req, res) => {
      res.setHeader('set-cookie', STAGING_COOKIES)
      res.end(JSON.stringify({ cookie: req.headers.cookie ?? null }))
    },
  })
  const app = serve(() => ({
    routes: {
      '/api': `${upstream.url}/v1`,
      '/raw': { target: `${upstream.url}/v1`, cookies: false },
    },
  }))

  it.requires('cookieRewrite')(
    'drops Domain and Secure, lowers SameSite=None, and maps Path back through the route',
    async () => {
      const res = await request(`${app.url}/api/login`, { method: 'POST', body: 'user=a' })
      expect(res.headers['set-cookie']).toEqual([
        'sid=abc123; Path=/api; HttpOnly; SameSite=Lax',
        'theme=dark; Path=/; Max-Age=3600',
        'csrf=t0k3n; Path=/api/forms; SameSite=Strict',
        expect.stringMatching(/^[^;]+__Host-session=xyz; Path=\/; HttpOnly$/),
      ])
    },
  )

  it('gives a __Host- cookie its own name back on the way to the backend', async () => {
    const login = await request(`${app.url}/api/login`)
    const stored = (login.headers['set-cookie'] ?? []).map((cookie) => cookie.split(';')[0]).join('; ')
    const res = await request(`${app.url}/api/me`, { headers: { cookie: stored } })
    expect(JSON.parse(res.body)).toEqual({
      cookie: 'sid=abc123; theme=dark; csrf=t0k3n; __Host-session=xyz',
    })
  })

  it('leaves Set-Cookie alone on a route with cookies: false', async () => {
    const res = await request(`${app.url}/raw/login`)
    expect(res.headers['set-cookie']).toEqual(STAGING_COOKIES)
  })
})
