import { request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

// Hosts in a child process (webpack-dev-server 6, Next) get the config as source text: these
// functions use nothing from their scope, and keep their counter on `globalThis`.
/** The counter value in `Bearer n<count> …`. */
function count(token: string | undefined): number {
  return Number(/n(\d+)/.exec(token ?? '')?.[1])
}

interface Counter {
  sameoriginDynamicHeaders?: number
}

describeHosts('headers computed per request', { requires: ['dynamicHeaders'] }, ({ it, serve }) => {
  const upstream = useUpstream()
  const app = serve(() => ({
    routes: {
      '/token': {
        target: upstream.url,
        headers: async (req: { method: string; path: string }) => {
          const state = globalThis as Counter
          state.sameoriginDynamicHeaders = (state.sameoriginDynamicHeaders ?? 0) + 1
          await new Promise((resolve) => setTimeout(resolve, 5))
          return { authorization: `Bearer n${state.sameoriginDynamicHeaders} ${req.method} ${req.path}` }
        },
      },
      '/broken': {
        target: upstream.url,
        headers: () => {
          throw new Error('login expired')
        },
      },
      '/bad': { target: upstream.url, headers: () => ({ 'x-token': 'a\r\nx-injected: 1' }) },
    },
  }))

  it('recomputes the values for each request; they reach the upstream, never the browser', async () => {
    const first = await request(`${app.url}/token/me`)
    const second = await request(`${app.url}/token/me`, { method: 'POST', body: 'hi' })
    expect([first.status, second.status]).toEqual([200, 200])
    const tokens = upstream.requests.map((req) => req.headers.authorization)
    expect(tokens[0]).toMatch(/^Bearer n(\d+) GET \/token\/me$/)
    expect(tokens[1]).toMatch(/^Bearer n(\d+) POST \/token\/me$/)
    expect(count(tokens[1])).toBeGreaterThan(count(tokens[0]))
    expect(upstream.requests[1]?.body).toBe('hi')
    for (const res of [first, second]) expect(JSON.stringify(res.headers)).not.toContain('Bearer')
  })

  it('answers 502 ERR_ROUTE_HEADERS_FAILED with the message when the function throws', async () => {
    const res = await request(`${app.url}/broken/me`)
    expect(res.status).toBe(502)
    expect(res.body).toContain('ERR_ROUTE_HEADERS_FAILED')
    expect(res.body).toContain('login expired')
    expect(upstream.requests).toEqual([])
  })

  it('answers 500 ERR_ROUTE_HEADERS_INVALID for a value with a line break, nothing sent', async () => {
    const res = await request(`${app.url}/bad/me`)
    expect(res.status).toBe(500)
    expect(res.body).toContain('ERR_ROUTE_HEADERS_INVALID')
    expect(upstream.requests).toEqual([])
  })
})
