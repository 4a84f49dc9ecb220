import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

describeHosts('upstream timeout → 504', { requires: ['routeTimeouts'] }, ({ it, serve }) => {
  // Accepts the request and never answers (its sockets are destroyed when the upstream closes).
  const upstream = useUpstream({ handle: () => {} })
  const app = serve(() => ({ routes: { '/api': { target: upstream.url, timeout: 300 } } }))

  it('answers 504 with ERR_UPSTREAM_TIMEOUT when the upstream stays silent, and logs it', async () => {
    const res = await request(`${app.url}/api/slow`, { headers: { accept: 'application/json' } })
    expect(res.status).toBe(504)
    expect((JSON.parse(res.body) as { error: { code: string } }).error.code).toBe('ERR_UPSTREAM_TIMEOUT')
    expect(upstream.requests).toHaveLength(1)
    await expect.poll(() => upstream.requests[0]?.aborted).toBe(true)
    expect(app.logs.text()).toContain('ERR_UPSTREAM_TIMEOUT')
  })
})
