import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

describeHosts('Host, X-Forwarded-* and Origin/Referer', ({ it, serve }) => {
  const upstream = useUpstream()
  const app = serve(() => ({
    routes: {
      '/api': upstream.url,
      '/as-is': { target: upstream.url, changeOrigin: false, xfwd: false, rewriteOrigin: false },
    },
  }))
  const devHost = (): string => `127.0.0.1:${app.port}`
  const arrived = () => upstream.requests[0]?.headers ?? {}

  it("sends the target's Host (changeOrigin)", async () => {
    await request(`${app.url}/api/x`)
    expect(arrived().host).toBe(`127.0.0.1:${upstream.port}`)
  })

  it.requires('forwardedHeaders')(
    'adds X-Forwarded-For/Proto/Host/Port, replacing what the client sent',
    async () => {
      await request(`${app.url}/api/x`, {
        headers: {
          'x-forwarded-for': '203.0.113.9',
          'x-forwarded-host': 'evil.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-port': '443',
          forwarded: 'for=203.0.113.9;host=evil.example',
        },
      })
      expect(arrived()).toMatchObject({
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-host': devHost(),
        'x-forwarded-proto': 'http',
        'x-forwarded-port': String(app.port),
      })
      expect(arrived().forwarded).toBeUndefined()
    },
  )

  it.requires('originRewrite')(
    "rewrites an Origin and Referer naming the dev server to the target's origin",
    async () => {
      await request(`${app.url}/api/x`, {
        method: 'POST',
        headers: { origin: `http://${devHost()}`, referer: `http://${devHost()}/settings?tab=2` },
        body: '{}',
      })
      expect(arrived().origin).toBe(upstream.url)
      expect(arrived().referer).toBe(`${upstream.url}/settings?tab=2`)
    },
  )

  it('passes an Origin and Referer of another site untouched', async () => {
    await request(`${app.url}/api/x`, {
      headers: { origin: 'https://other.example', referer: 'https://other.example/page' },
    })
    expect(arrived().origin).toBe('https://other.example')
    expect(arrived().referer).toBe('https://other.example/page')
  })

  it.requires('forwardedHeaders', 'keepHost')(
    'keeps all of them as the client sent them when the route turns the rewrites off',
    async () => {
      await request(`${app.url}/as-is/x`, {
        headers: { 'x-forwarded-for': '203.0.113.9', origin: `http://${devHost()}` },
      })
      expect(arrived()).toMatchObject({
        host: devHost(),
        'x-forwarded-for': '203.0.113.9',
        origin: `http://${devHost()}`,
      })
      expect(arrived()['x-forwarded-host']).toBeUndefined()
    },
  )
})
