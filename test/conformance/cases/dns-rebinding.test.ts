// DNS rebinding (CWE-350; the attack behind Vite's GHSA-vg6x-rcgg-rjx6 and webpack-dev-server's
// `allowedHosts`). A page on evil.example makes its own name resolve to 127.0.0.1, then fetches
// `http://evil.example:<port>/api/...`: to the browser that is same-origin with the attacker's page,
// so the attacker reads the answer. Binding to loopback does not help; only the `Host` header shows
// the request was meant for another site. Through the proxy the attacker would reach the backend from
// the developer's network position, with any credentials the route adds (`headers`). Every host must
// refuse a request whose `Host` is not this machine (loopback names, IP literals) before it reaches a route.
import { sendRaw } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

/** The status code of a raw HTTP/1.1 answer. */
function statusOf(raw: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1])
}

describeHosts('DNS rebinding: foreign Host refused', ({ it, serve }) => {
  const upstream = useUpstream()
  const app = serve(() => ({
    routes: { '/api': { target: upstream.url, headers: { authorization: 'Bearer dev' } } },
  }))
  const get = (host: string): Promise<string> =>
    sendRaw(
      app.port,
      `GET /api/me HTTP/1.1\r\nHost: ${host}\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
    )

  it.requires('hostCheck')(
    'refuses a request whose Host names another site, and forwards nothing',
    async () => {
      const status = statusOf(await get(`evil.example:${app.port}`))
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
      expect(upstream.requests).toHaveLength(0)
    },
  )

  it('serves the names of this machine: localhost, 127.0.0.1', async () => {
    expect(statusOf(await get(`localhost:${app.port}`))).toBe(200)
    expect(statusOf(await get(`127.0.0.1:${app.port}`))).toBe(200)
    expect(upstream.requests).toHaveLength(2)
  })
})
