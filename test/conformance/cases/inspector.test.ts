// The inspector: what the proxy did, on every host's own origin. A page at /__sameorigin/ reads the
// log; each exchange keeps the request as the browser sent it and as the backend received it, the
// answer as the backend sent it and as the browser got it, and the bodies. It is answered before any
// route (a catch-all route does not hide it) and only for the hosts the dev server answers for.
import { request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { request } from '@sameorigin/test-utils'
import { expect, onTestFinished } from 'vitest'
import { describeHosts } from '../src/describe-hosts.ts'
import { useUpstream } from '../src/use-upstream.ts'

interface Entry {
  readonly name: string
  readonly value: string
}

interface Exchange {
  readonly id: number
  readonly state: string
  readonly url: string
  readonly route: string
  readonly status: number
  readonly request: {
    readonly client: Entry[]
    readonly upstream?: Entry[]
    readonly body?: { text?: string }
  }
  readonly response: {
    readonly upstream?: Entry[]
    readonly client?: Entry[]
    readonly body?: { text?: string }
  }
}

const values = (list: readonly Entry[] | undefined, name: string): string[] =>
  (list ?? []).filter((entry) => entry.name === name).map((entry) => entry.value)

describeHosts('the inspector at /__sameorigin/', { requires: ['inspector'] }, ({ it, serve }) => {
  const upstream = useUpstream({
    handle: (req, res) => {
      req.resume()
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'session=s3cret; Domain=staging.example.com; Path=/; Secure; SameSite=None',
      })
      res.end('{"user":"ada"}')
    },
  })
  const app = serve(() => ({ routes: { '/': upstream.url } }))

  const exchanges = async (): Promise<Exchange[]> => {
    const list = await request(`${app.url}/__sameorigin/api/exchanges`)
    expect(list.status).toBe(200)
    return (JSON.parse(list.body) as { exchanges: Exchange[] }).exchanges
  }

  it('records an exchange: both heads, the rewritten cookie, both bodies, secrets masked', async () => {
    await request(`${app.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'theme=dark' },
      body: '{"user":"ada"}',
    })
    // The log ends an exchange after its last byte went out: ask until it has.
    let found: Exchange | undefined
    for (let tries = 0; tries < 100 && found?.state !== 'done'; tries++) {
      found = (await exchanges()).find((exchange) => exchange.url === '/api/login')
      if (found?.state !== 'done') await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(found).toMatchObject({ state: 'done', route: '/', status: 200 })
    const detail = await request(`${app.url}/__sameorigin/api/exchanges/${found?.id}`)
    const { exchange } = JSON.parse(detail.body) as { exchange: Exchange }
    expect(values(exchange.request.upstream, 'host')).toEqual([new URL(upstream.url).host])
    expect(values(exchange.response.upstream, 'set-cookie')[0]).toContain('Domain=staging.example.com')
    expect(values(exchange.response.client, 'set-cookie')[0]).not.toContain('Domain=')
    // Masked by default: the value never leaves the dev server unasked.
    expect(detail.body).not.toContain('s3cret')
    expect(detail.body).not.toContain('theme=dark')
    expect(exchange.request.body?.text).toBe('{"user":"ada"}')
    expect(exchange.response.body?.text).toBe('{"user":"ada"}')
  })

  it('serves the page before a catch-all route; the backend never sees /__sameorigin/', async () => {
    const page = await request(`${app.url}/__sameorigin/`)
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('<script')
    expect(upstream.requests.map((recorded) => recorded.path)).not.toContainEqual(
      expect.stringMatching(/^\/__sameorigin/),
    )
  })

  it('streams the log live: a request made while the page listens arrives as events', async () => {
    const events = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = httpRequest(`${app.url}/__sameorigin/api/events`, {
        headers: { accept: 'text/event-stream' },
      })
      req.once('response', resolve).once('error', reject).end()
      onTestFinished(() => void req.destroy())
    })
    expect(events.statusCode).toBe(200)
    expect(events.headers['content-type']).toMatch(/^text\/event-stream/)
    let text = ''
    events.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    await request(`${app.url}/api/live`)
    for (let tries = 0; tries < 100 && !/event: end\ndata: .*"\/api\/live"/.test(text); tries++)
      await new Promise((resolve) => setTimeout(resolve, 50))
    expect(text).toMatch(/event: start\ndata: .*"\/api\/live"/)
    expect(text).toMatch(/event: end\ndata: .*"\/api\/live"/)
  })

  it("takes the page's report of a blocked call: one warning block with the route fix, and the blocked entry", async () => {
    const page = `http://127.0.0.1:${app.port}`
    const call = {
      kind: 'fetch',
      url: `${upstream.url}/me`,
      method: 'GET',
      headers: [],
      credentials: 'include',
      pageOrigin: page,
    }
    const report = (): Promise<{ status: number }> =>
      request(`${app.url}/__sameorigin/report`, {
        method: 'POST',
        headers: { origin: page, 'content-type': 'text/plain', host: `127.0.0.1:${app.port}` },
        body: JSON.stringify(call),
      })
    expect((await report()).status).toBe(204)
    for (let tries = 0; tries < 200 && !app.logs.text().includes('The browser blocked'); tries++)
      await new Promise((resolve) => setTimeout(resolve, 25))
    expect(app.logs.text()).toContain(
      `The browser blocked a call to another origin: fetch() GET ${upstream.url}/me`,
    )
    expect(app.logs.text()).toContain(`fix: This page calls ${upstream.url}/me directly; call /me instead`)
    // Once per shape of call: a second report of the same call prints nothing more.
    expect((await report()).status).toBe(204)
    expect(app.logs.text().split('The browser blocked')).toHaveLength(2)
    const blocked = (await exchanges()).filter((exchange) => exchange.state === 'blocked')
    expect(blocked.map((exchange) => exchange.url)).toEqual([`${upstream.url}/me`])
  })

  it.requires('hostCheck')('refuses a foreign Host on the inspector as on a route', async () => {
    const rebound = await request(`${app.url}/__sameorigin/api/exchanges`, {
      headers: { host: `evil.example:${app.port}` },
    })
    expect(rebound.status).toBeGreaterThanOrEqual(400)
    expect(rebound.status).toBeLessThan(500)
    expect(rebound.body).not.toContain('/api/login')
  })
})
