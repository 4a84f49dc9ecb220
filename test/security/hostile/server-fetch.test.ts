// serverFetch and createServerProxy: the routes for a framework's server code (SvelteKit's handle,
// the Nuxt module's Nitro handler, Astro's middleware, React Router loaders). Server code builds the
// URL, often from input (`serverFetch('/api/users/' + id)`), and the page request it renders lends
// its cookies, so the attacks are: a path that climbs out of the route or names another host, a
// page request from a foreign Host (DNS rebinding) that would carry the user's cookies upstream,
// headers that would smuggle a second request, and bodies in every framing, over HTTP/1.1 and
// HTTP/2 as the framework receives them. The upstream is a raw TCP tap: it sees framing as bytes.
import type { ServerProxy } from '@sameorigin/core'
import { createServerProxy } from '@sameorigin/core'
import type { Tap, Upstream } from '@sameorigin/test-utils'
import { exchangeHttp2, openHttp2, serveFetch, startTap, startUpstream } from '@sameorigin/test-utils'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hostileRoutes, ROUTE_SECRET } from '../src/hostile-routes.ts'

const PAGE = 'http://localhost:5173/account'
const page = (origin = PAGE): Request =>
  new Request(origin, { headers: { cookie: 'session=victim', authorization: 'Bearer victim' } })

let tap: Tap
let elsewhere: Upstream
let proxy: ServerProxy

beforeAll(async () => {
  tap = await startTap()
  elsewhere = await startUpstream()
  proxy = createServerProxy({
    configFile: false,
    ...hostileRoutes(tap.url),
    mode: 'development',
    env: {},
    logger: { info() {}, warn() {}, error() {} },
  })
})
afterAll(async () => {
  await proxy?.close()
  await tap?.close()
  await elsewhere?.close()
})
beforeEach(() => tap.reset())

/** What a call came to: its status, or the error it threw. */
async function outcome(call: () => Promise<Response>): Promise<number | string> {
  try {
    const response = await call()
    await response.arrayBuffer()
    return response.status
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}

/** A body without a length: a stream of these chunks. */
const stream = (...chunks: string[]): ReadableStream<Uint8Array> =>
  new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
      controller.close()
    },
  })

const SMUGGLED = 'x\r\n0\r\n\r\nGET /admin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'

const BODIES: readonly { name: string; body: () => RequestInit['body']; sent: string }[] = [
  { name: 'no body', body: () => undefined, sent: '' },
  { name: 'a string (Content-Length)', body: () => 'a=1&b=2', sent: 'a=1&b=2' },
  { name: 'a stream (no length)', body: () => stream('part one, ', 'part two'), sent: 'part one, part two' },
  { name: 'an empty stream', body: () => stream(), sent: '' },
  { name: 'a stream holding a second request', body: () => stream(SMUGGLED), sent: SMUGGLED },
]

describe('serverFetch: every method and body framing reaches the route, framed, once', () => {
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    for (const { name, body, sent } of BODIES) {
      it(`${method} with ${name}`, async () => {
        const init: RequestInit = { method, body: body(), duplex: 'half', request: page() } as RequestInit
        expect(await outcome(() => proxy.fetch('/api/users', init))).toBe(200)
        expect(tap.requests).toHaveLength(1)
        const [seen] = tap.requests
        expect(seen).toMatchObject({ method, target: '/users' })
        expect(seen?.body.toString('latin1')).toBe(sent)
        // An empty body may go with no framing or a zero length; any other is framed.
        expect(sent === '' ? ['none', 'length', 'chunked'] : ['length', 'chunked']).toContain(seen?.framing)
        expect(seen?.headers['x-api-key']).toEqual([ROUTE_SECRET])
        expect(seen?.headers.cookie).toEqual(['session=victim'])
        expect(await tap.settledProblems()).toEqual([])
      })
    }
  }
  for (const method of ['GET', 'HEAD']) {
    it(`${method} with a body is refused before anything is sent`, async () => {
      const init = { method, body: 'x', duplex: 'half' } as RequestInit
      expect(await outcome(() => proxy.fetch('/api/users', init))).toMatch(/^TypeError/)
      expect(tap.requests).toHaveLength(0)
    })
  }
})

describe('serverFetch: a path never leaves the route or the page origin', () => {
  const CLIMBS = [
    '/api/../admin',
    '/api/x/../../admin',
    '/api/%2e%2e/admin',
    '/api/.%2e/admin',
    '/v1/..%2fadmin',
    '/v1/%2e%2e%2fadmin',
    '/v1/users%5c..%5c..%5cadmin',
    '/api/users%00.json',
    '/api/users#/../../admin',
  ]
  for (const path of CLIMBS) {
    it(`${path}: refused (a 4xx or no route), nothing upstream`, async () => {
      const result = await outcome(() => proxy.fetch(path, { request: page() }))
      const refused =
        typeof result === 'number'
          ? result >= 400
          : result.startsWith('TypeError: serverFetch: no sameorigin route matches')
      expect({ result, refused }).toMatchObject({ refused: true })
      expect(tap.requests).toHaveLength(0)
    })
  }
  for (const path of ['//{elsewhere}/x', '/\\{elsewhere}/x', '\\\\{elsewhere}\\x']) {
    it(`${path}: reads as a path but names another host: thrown, nothing sent anywhere`, async () => {
      const input = path.replaceAll('{elsewhere}', new URL(elsewhere.url).host)
      const before = elsewhere.connections
      expect(await outcome(() => proxy.fetch(input, { request: page() }))).toMatch(/names another host/)
      expect([elsewhere.connections - before, tap.requests.length]).toEqual([0, 0])
    })
  }
  it("another origin's absolute URL goes to fetch without the page's credentials", async () => {
    expect(await outcome(() => proxy.fetch(`${elsewhere.url}/x`, { request: page() }))).toBe(200)
    expect(elsewhere.requests.at(-1)?.headers).not.toHaveProperty('cookie')
    expect(elsewhere.requests.at(-1)?.headers).not.toHaveProperty('authorization')
  })
})

describe("serverFetch: a foreign Host never carries the page's cookies upstream", () => {
  it('a page request on a foreign origin (DNS rebinding) is refused with 403', async () => {
    expect(
      await outcome(() => proxy.fetch('/api/users', { request: page('http://attacker.example/x') })),
    ).toBe(403)
    expect(tap.requests).toHaveLength(0)
  })
  it('a Host header set by the call is refused with 403', async () => {
    const init = { request: page(), headers: { host: 'attacker.example' } }
    expect(await outcome(() => proxy.fetch('/api/users', init))).toBe(403)
    expect(tap.requests).toHaveLength(0)
  })
  it('a header value carrying CRLF is refused before anything is sent', async () => {
    const init = { request: page(), headers: { 'x-note': 'a\r\nTransfer-Encoding: chunked' } }
    expect(await outcome(() => proxy.fetch('/api/users', init))).toMatch(/^TypeError/)
    expect(tap.requests).toHaveLength(0)
  })
})

describe('createServerProxy.handle as a framework mounts it, over HTTP/2', () => {
  it('frames a body that only DATA frames carry, and never forwards one on GET', async () => {
    const served = await serveFetch(
      async (request) => (await proxy.handle(request)) ?? new Response('no', { status: 404 }),
      { http2: true },
    )
    const session = await openHttp2(served.url)
    try {
      const posted = await exchangeHttp2(session, {
        method: 'POST',
        path: '/api/users',
        data: ['a=1', SMUGGLED],
      })
      expect(posted).toMatchObject({ status: 200 })
      expect(tap.requests).toHaveLength(1)
      expect(tap.requests[0]?.body.toString('latin1')).toBe(`a=1${SMUGGLED}`)
      // A Web Request for GET has no body: srvx gives the handler none (the Fetch transport's declared
      // gap), so the DATA frames are dropped, never forwarded: the upstream sees a bodiless GET.
      const got = await exchangeHttp2(session, { method: 'GET', path: '/api/users', data: [SMUGGLED] })
      expect(got).toMatchObject({ status: 200 })
      expect(tap.requests.map(({ method, target, framing }) => [method, target, framing])).toEqual([
        ['POST', '/users', 'chunked'],
        ['GET', '/users', 'none'],
      ])
      expect(await tap.settledProblems()).toEqual([])
    } finally {
      session.close()
      await served.close()
    }
  })
})
