// The inspector on every transport: the same exchange recorded alike (headers both ways, the
// proxy's changes, bodies, clocks, failures), served under /__sameorigin/ after the host check, and
// nothing of it when the option or the config turns it off.
import type { ExchangeRecord, HeaderChange } from '@sameorigin/core'
import { findRefusingPort, request } from '@sameorigin/test-utils'
import { expect } from 'vitest'
import { describeTransports } from '../src/describe-transports.ts'
import { upstreamForTest } from '../src/servers.ts'

interface Detail {
  readonly exchange: ExchangeRecord
  readonly changes: readonly HeaderChange[]
}

const header = (list: ExchangeRecord['request']['client'] | undefined, name: string): string[] =>
  (list ?? []).filter((entry) => entry.name === name).map((entry) => entry.value)

/** The newest exchange's detail, once it ended (the log records the end after the last byte went). */
async function newest(base: string): Promise<Detail> {
  for (let tries = 0; tries < 100; tries++) {
    const list = JSON.parse((await request(`${base}/__sameorigin/api/exchanges`)).body) as {
      exchanges: ExchangeRecord[]
    }
    const [first] = list.exchanges
    if (first !== undefined && (first.state === 'done' || first.state === 'failed')) {
      return JSON.parse((await request(`${base}/__sameorigin/api/exchanges/${first.id}`)).body) as Detail
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('no exchange ended in the inspector')
}

describeTransports('the inspector', ({ it, start }) => {
  it('records a login: both heads, the rewrites explained, both bodies, the clocks', async () => {
    const upstream = await upstreamForTest({
      handle: (req, res) => {
        req.resume()
        res.writeHead(303, {
          location: `http://${req.headers.host}/v1/me`,
          'set-cookie': 'session=abc; Domain=staging.example.com; Path=/v1; Secure; SameSite=None',
          'content-type': 'application/json',
        })
        res.end('{"ok":true}')
      },
    })
    const proxy = await start({ routes: { '/api': `${upstream.url}/v1` } }, { inspector: true })
    const res = await request(`${proxy.url}/api/login?next=%2F`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'theme=dark' },
      body: '{"user":"ada"}',
    })
    expect(res.status).toBe(303)
    const { exchange, changes } = await newest(proxy.url)
    expect(exchange).toMatchObject({
      state: 'done',
      method: 'POST',
      url: '/api/login?next=%2F',
      route: '/api',
      upstreamUrl: `${upstream.url}/v1/login?next=%2F`,
      status: 303,
    })
    expect(header(exchange.request.upstream, 'host')).toEqual([new URL(upstream.url).host])
    expect(header(exchange.response.upstream, 'location')).toEqual([`${upstream.url}/v1/me`])
    expect(header(exchange.response.client, 'location')).toEqual(['/api/me'])
    // Masked by default: the names and attributes stay, the values go.
    expect(header(exchange.request.client, 'cookie')).not.toContain('theme=dark')
    expect(header(exchange.response.client, 'set-cookie')[0]).not.toContain('abc')
    expect(exchange.request.body).toMatchObject({ size: 14, text: '{"user":"ada"}' })
    expect(exchange.response.body).toMatchObject({ size: 11, text: '{"ok":true}' })
    expect(exchange.timings.firstByte).toBeGreaterThanOrEqual(0)
    expect(exchange.timings.total).toBeGreaterThanOrEqual(exchange.timings.firstByte ?? 0)
    const explained = changes.map((change) => `${change.rule}: ${change.explanation}`)
    expect(explained).toContainEqual(expect.stringMatching(/^set-cookie: .*Domain=staging\.example\.com/))
    expect(explained).toContainEqual(expect.stringMatching(/^redirect: .*\/api\/me/))
  })

  it('records a failure with its code, and the error answer the browser got', async () => {
    const proxy = await start(
      { routes: { '/api': `http://127.0.0.1:${await findRefusingPort()}` } },
      { inspector: true },
    )
    const res = await request(`${proxy.url}/api/x`, { headers: { accept: 'application/json' } })
    expect(res.status).toBe(502)
    const { exchange } = await newest(proxy.url)
    expect(exchange).toMatchObject({
      state: 'failed',
      status: 502,
      failure: { code: 'ERR_UPSTREAM_UNREACHABLE' },
    })
    expect(exchange.response.body?.text).toContain('ERR_UPSTREAM_UNREACHABLE')
  })

  it('answers only allowed hosts: another Host gets 403 on the inspector as on a route', async () => {
    const upstream = await upstreamForTest()
    const proxy = await start({ routes: { '/': upstream.url } }, { inspector: true })
    const page = await request(`${proxy.url}/__sameorigin/`)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    const rebound = await request(`${proxy.url}/__sameorigin/api/exchanges`, {
      headers: { host: 'attacker.example' },
    })
    expect(rebound.status).toBe(403)
    // A catch-all route never receives the inspector's path.
    expect(upstream.requests).toHaveLength(0)
  })

  it(
    'is off without the option, and off when the config says inspector: false',
    async () => {
      const upstream = await upstreamForTest()
      const plain = await start({ routes: { '/api': upstream.url } })
      expect((await request(`${plain.url}/__sameorigin/api/exchanges`)).status).toBe(404)
      const off = await start({ routes: { '/': upstream.url }, inspector: false }, { inspector: true })
      expect((await request(`${off.url}/__sameorigin/api/exchanges`)).status).toBe(200)
      // The catch-all route got it: with the inspector off the path is an ordinary one.
      expect(upstream.requests.map((recorded) => recorded.path)).toEqual(['/__sameorigin/api/exchanges'])
    },
    'inspectorOption',
  )
})
