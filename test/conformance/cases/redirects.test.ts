import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

describeHosts('redirect (Location) rewriting', ({ it, serve }) => {
  const upstream = useUpstream({
    handle: (req, res) => {
      // `/v1/redirect?to=<value>` answers 302 to <value>, as the backend wrote it.
      const to = new URL(req.url ?? '/', 'http://upstream').searchParams.get('to') ?? '/'
      res.writeHead(302, { location: to.replace('{self}', `http://${req.headers.host}`) })
      res.end()
    },
  })
  const app = serve(() => ({
    routes: {
      '/api': `${upstream.url}/v1`,
      '/raw': { target: `${upstream.url}/v1`, redirects: false },
    },
  }))
  const locationOf = async (base: string, to: string): Promise<string | undefined> => {
    const res = await request(`${app.url}${base}/redirect?to=${encodeURIComponent(to)}`)
    expect(res.status).toBe(302)
    return res.headers.location
  }

  it.requires('redirectRewrite')(
    'rewrites an absolute Location on the target to a dev-server path through the route',
    async () => {
      expect(await locationOf('/api', '{self}/v1/login?next=/home#top')).toBe('/api/login?next=/home#top')
    },
  )

  it.requires('redirectRewrite')('rewrites root-relative and relative Locations the same way', async () => {
    expect(await locationOf('/api', '/v1/dashboard')).toBe('/api/dashboard')
    expect(await locationOf('/api', 'settings')).toBe('/api/settings')
  })

  it.requires('redirectRewrite')('keeps a target URL outside the base path on the dev origin', async () => {
    expect(await locationOf('/api', '{self}/welcome')).toBe('/welcome')
  })

  it('leaves a Location on another site untouched', async () => {
    expect(await locationOf('/api', 'https://sso.example.com/authorize?client=1')).toBe(
      'https://sso.example.com/authorize?client=1',
    )
  })

  it('leaves Location alone on a route with redirects: false', async () => {
    const self = `${upstream.url}/v1/login`
    expect(await locationOf('/raw', self)).toBe(self)
  })
})
