import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { type Backend, startBackend } from '../src/index.mjs'
import { startBackend as startBackendImpl } from '../src/start-backend.mjs'
import { corsHeaders, seen, send as sendTo } from './_client.ts'

let backend: Backend

beforeAll(async () => {
  backend = await startBackend()
})
afterAll(async () => {
  await backend.close()
})

const send = (method: string, path: string, headers?: Record<string, string>, body?: string | Buffer) =>
  sendTo(`${backend.url}${path}`, method, headers, body)
const json = { 'content-type': 'application/json' }

describe('example backend over HTTP', () => {
  it('declares the types its implementation has', () => {
    expectTypeOf(startBackendImpl).toEqualTypeOf<typeof startBackend>()
    expect(backend.url).toBe(`http://127.0.0.1:${backend.port}`)
    expect(backend.port).toBeGreaterThan(0)
  })

  it('answers GET /api/health', async () => {
    const reply = await send('GET', '/api/health')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^application\/json/)
    expect(reply.json()).toEqual({ ok: true })
  })

  it('logs in with a staging-style cookie and an absolute 303 redirect to /api/me', async () => {
    const reply = await send('POST', '/api/login', json, JSON.stringify({ user: 'ada' }))
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe(`${backend.url}/api/me`)
    const [cookie] = reply.headers['set-cookie'] as string[]
    expect(cookie).toMatch(/^session=[\w-]{24}; /)
    const attributes = cookie!.split('; ').slice(1)
    expect(attributes).toEqual(['Domain=127.0.0.1', 'Path=/api', 'HttpOnly', 'Secure', 'SameSite=None'])

    const session = cookie!.split(';')[0]!
    const me = await send('GET', '/api/me', { cookie: `theme=dark; ${session}` })
    expect(me.status).toBe(200)
    expect(me.json()).toEqual({ user: 'ada' })
  })

  it("scopes the cookie to the Host header's hostname, as a backend behind a proxy does", async () => {
    const reply = await send(
      'POST',
      '/api/login',
      { ...json, host: 'staging.example.com:8443' },
      '{"user":"ada"}',
    )
    expect(reply.headers['set-cookie']?.[0]).toContain('; Domain=staging.example.com; ')
    // A Host header that would smuggle cookie attributes is not reflected.
    const hostile = await send('POST', '/api/login', { ...json, host: 'a;Path=/x' }, '{"user":"ada"}')
    expect(hostile.headers['set-cookie']?.[0]).toContain('; Domain=127.0.0.1; Path=/api; ')
    expect(hostile.headers['set-cookie']?.[0]).not.toMatch(/path=\/x/i)
  })

  it('accepts a form body', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const reply = await send('POST', '/api/login', form, 'user=grace+hopper')
    expect(reply.status).toBe(303)
    const session = (reply.headers['set-cookie'] as string[])[0]!.split(';')[0]!
    expect((await send('GET', '/api/me', { cookie: session })).json()).toEqual({ user: 'grace hopper' })
  })

  it.each([
    ['no user', json, '{}', 400],
    ['an empty user', json, '{"user":"  "}', 400],
    ['malformed JSON', json, '{"user":', 400],
    ['a text body', { 'content-type': 'text/plain' }, 'ada', 415],
    ['a body over 64 KiB', json, JSON.stringify({ user: 'a'.repeat(70_000) }), 413],
  ])('refuses a login with %s', async (_label, headers, body, status) => {
    const reply = await send('POST', '/api/login', headers, body)
    expect(reply.status).toBe(status)
    expect(reply.json().error).toEqual(expect.any(String))
    expect(reply.headers['set-cookie']).toBeUndefined()
  })

  it('answers 401 on /api/me without a valid session', async () => {
    for (const headers of [{}, { cookie: 'session=forged' }] as Record<string, string>[]) {
      const reply = await send('GET', '/api/me', headers)
      expect(reply.status).toBe(401)
      expect(reply.json()).toEqual({ error: 'not logged in' })
    }
  })

  it('logs out: the session ends and the cookie is expired with the same scope', async () => {
    const login = await send('POST', '/api/login', json, '{"user":"ada"}')
    const session = (login.headers['set-cookie'] as string[])[0]!.split(';')[0]!
    const reply = await send('POST', '/api/logout', { cookie: session })
    expect(reply.json()).toEqual({ ok: true })
    expect(reply.headers['set-cookie']?.[0]).toBe(
      'session=; Max-Age=0; Domain=127.0.0.1; Path=/api; HttpOnly; Secure; SameSite=None',
    )
    expect((await send('GET', '/api/me', { cookie: session })).status).toBe(401)
  })

  it('refuses unsafe requests from a foreign Origin, as a CSRF guard does', async () => {
    const foreign = { ...json, origin: 'http://localhost:5173' }
    for (const [method, path] of [
      ['POST', '/api/login'],
      ['PUT', '/api/echo'],
      ['DELETE', '/api/echo'],
    ] as const) {
      const reply = await send(method, path, foreign, '{"user":"ada"}')
      expect(reply.status).toBe(403)
      expect(reply.json()).toEqual({ error: 'origin not allowed' })
    }
    // Its own origin, no Origin at all (curl), and safe methods pass.
    expect((await send('POST', '/api/login', { ...json, origin: backend.url }, '{"user":"a"}')).status).toBe(
      303,
    )
    expect((await send('POST', '/api/echo', json, '{}')).status).toBe(200)
    expect((await send('GET', '/api/health', { origin: 'http://localhost:5173' })).status).toBe(200)
  })

  it('echoes the method, path, query, headers and body length of any request', async () => {
    const body = Buffer.alloc(100_000, 1)
    const reply = await send('PATCH', '/api/echo/deep?x=1', { 'x-custom': 'yes' }, body)
    expect(reply.json()).toMatchObject({
      method: 'PATCH',
      path: '/api/echo/deep',
      search: '?x=1',
      headers: { 'x-custom': 'yes', host: `127.0.0.1:${backend.port}` },
      bodyLength: 100_000,
    })
  })

  it('answers 404 JSON for unknown paths and 405 with Allow for wrong methods', async () => {
    for (const path of ['/api/nope', '/apix', '/', '//evil.example/api/health']) {
      const reply = await send('GET', path)
      expect(reply.status).toBe(404)
      expect(reply.json().error).toMatch(/^no route for GET \//)
    }
    const wrong = await send('GET', '/api/login')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('POST')
  })

  it('never sends an Access-Control-* header', () => {
    // Every response of the tests above (run in order), successes and errors alike.
    expect(seen.length).toBeGreaterThan(20)
    for (const reply of seen) {
      expect(corsHeaders(reply.headers)).toEqual([])
    }
  })

  it('answers a CORS preflight without any CORS header, so a browser blocks the cross-origin call', async () => {
    const reply = await send('OPTIONS', '/api/echo', {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    })
    expect(reply.status).toBe(200)
    expect(corsHeaders(reply.headers)).toEqual([])
    expect(reply.headers.vary).toBeUndefined()
  })
})
