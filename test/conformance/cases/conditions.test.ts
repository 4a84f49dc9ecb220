import type { UserConfig } from '@sameorigin/core'
import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

describeHosts('method and header conditions', ({ it, serve }) => {
  const upstream = useUpstream()
  const app = serve((): UserConfig => ({
    routes: [
      { path: '/api', target: upstream.url, methods: ['GET', 'HEAD'], headers: { 'x-route': 'read' } },
      {
        path: '/api',
        target: upstream.url,
        methods: ['POST', 'PUT', 'DELETE', 'OPTIONS'],
        matchHeaders: { 'x-use-mock': false },
        headers: { 'x-route': 'write' },
      },
      { path: '/graphql', target: upstream.url, matchHeaders: { 'content-type': /json/ } },
    ],
  }))

  it.requires('methodConditions', 'headerOverrides')('routes by method', async () => {
    await request(`${app.url}/api/items`)
    await request(`${app.url}/api/items`, { method: 'POST', body: '{"name":"a"}' })
    expect(upstream.requests.map((req) => [req.method, req.headers['x-route']])).toEqual([
      ['GET', 'read'],
      ['POST', 'write'],
    ])
    expect(upstream.requests[1]?.body).toBe('{"name":"a"}')
  })

  it('leaves a method no route accepts to the host', async () => {
    await request(`${app.url}/api/items`, { method: 'PATCH', body: 'x' })
    expect(upstream.requests).toHaveLength(0)
  })

  it('requires a header to be absent (false) or to match a RegExp', async () => {
    await request(`${app.url}/api/items`, { method: 'DELETE', headers: { 'x-use-mock': '1' } })
    await request(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'q',
    })
    expect(upstream.requests).toHaveLength(0)
    await request(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ me }"}',
    })
    expect(upstream.requests.map((req) => [req.method, req.path, req.body])).toEqual([
      ['POST', '/graphql', '{"query":"{ me }"}'],
    ])
  })

  it.requires('methodConditions')(
    "forwards a CORS preflight to the backend instead of answering it with the host's CORS handling",
    async () => {
      const res = await request(`${app.url}/api/items`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:3000',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'content-type',
        },
      })
      expect(upstream.requests.map((req) => [req.method, req.path])).toEqual([['OPTIONS', '/api/items']])
      // The backend's answer (the echo), not a preflight answer made up by the host.
      expect(res.status).toBe(200)
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    },
  )
})
