import { harValidator } from '@sameorigin/test-utils'
import { describe, expect, it } from 'vitest'
import { createExchangeLog, toHar } from '../../src/inspect/index.ts'
import { recordExchange, STAGING } from './_exchange.ts'

const validate = harValidator()
const encode = (text: string) => new TextEncoder().encode(text)

function records() {
  const log = createExchangeLog()
  const login = recordExchange(
    {
      method: 'POST',
      url: '/api/login?next=%2Fhome&token=t0',
      headers: {
        cookie: 'theme=dark; sid=old',
        'content-type': 'application/json',
        'content-length': '13',
        authorization: 'Bearer abc',
      },
      requestBody: encode('{"user":"ann"}'),
      status: 302,
      upstream: {
        location: `${STAGING}/v1/home`,
        'set-cookie': [
          'sid=new; Domain=staging.example.com; Path=/v1; Expires=Wed, 21 Oct 2037 07:28:00 GMT; HttpOnly; Secure',
        ],
        'content-type': 'text/plain',
      },
      responseBody: encode('Found'),
    },
    log,
  )
  const image = recordExchange(
    {
      url: '/api/avatar.png',
      upstream: { 'content-type': 'image/png' },
      responseBody: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    },
    log,
  )
  const mocked = recordExchange(
    {
      mock: 'api/session/GET.json',
      upstream: { 'content-type': 'application/json' },
      responseBody: encode('{}'),
    },
    log,
  )
  const failed = log.start({ method: 'GET', url: '/api/down', headers: { host: 'localhost:5173' } })
  log.update(failed.id, { route: '/api', upstreamUrl: `${STAGING}/v1/down`, timings: { connect: 4, tls: 6 } })
  log.end(failed.id, { failure: { code: 'ERR_UPSTREAM_UNREACHABLE', message: 'refused', hint: 'start it' } })
  const pending = log.start({ method: 'GET', url: '/api/slow', headers: { host: 'localhost:5173' } })
  return { login, image, mocked, failed: log.get(failed.id)!, pending }
}

describe('toHar', () => {
  const all = records()
  const har = toHar(Object.values(all))

  it('is valid HAR 1.2 by the published schema', () => {
    const valid = validate(har)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(validate(JSON.parse(JSON.stringify(har)))).toBe(true)
  })

  it('the schema check can fail: an entry without its request is refused', () => {
    const broken = structuredClone(har) as unknown as { log: { entries: Record<string, unknown>[] } }
    delete broken.log.entries[0]?.request
    expect(validate(broken)).toBe(false)
  })

  it("describes each exchange as the browser saw it, the proxy's side in _sameorigin", () => {
    const [login] = har.log.entries
    expect(login?.request).toMatchObject({
      method: 'POST',
      url: 'http://localhost:5173/api/login?next=%2Fhome&token=***',
      queryString: [
        { name: 'next', value: '/home' },
        { name: 'token', value: '***' },
      ],
      cookies: [
        { name: 'theme', value: '***' },
        { name: 'sid', value: '***' },
      ],
      postData: { mimeType: 'application/json', text: '{"user":"ann"}' },
      bodySize: 14,
    })
    expect(login?.response).toMatchObject({
      status: 302,
      redirectURL: '/api/home',
      cookies: [
        { name: 'sid', value: '***', path: '/api', httpOnly: true, expires: '2037-10-21T07:28:00.000Z' },
      ],
      content: { size: 5, mimeType: 'text/plain', text: 'Found' },
    })
    expect(login?.['_sameorigin']).toMatchObject({
      route: '/api',
      upstreamUrl: `${STAGING}/v1/login?next=%2Fhome&token=***`,
      changes: expect.arrayContaining([
        expect.objectContaining({
          rule: 'set-cookie',
          explanation: expect.stringContaining('Domain=staging.example.com removed'),
        }),
      ]),
    })
    expect(JSON.stringify(har)).not.toMatch(/Bearer abc|sid=new|t0/)
  })

  it('a binary body by its size, a mock and a failure in the custom field, unseen clocks as -1', () => {
    const [, image, mocked, failed, pending] = har.log.entries
    expect(image?.response.content).toEqual({
      size: 4,
      mimeType: 'image/png',
      comment: 'binary body: size only',
    })
    expect(mocked?.['_sameorigin']).toMatchObject({ mock: 'api/session/GET.json' })
    expect(failed?.['_sameorigin']).toMatchObject({
      state: 'failed',
      failure: { code: 'ERR_UPSTREAM_UNREACHABLE' },
    })
    expect(failed?.timings).toMatchObject({ connect: 10, ssl: 6, dns: -1, blocked: -1 })
    expect(pending?.response.status).toBe(0)
  })

  it('keeps the secrets with the session switch', () => {
    const shown = JSON.stringify(
      toHar([all.login], { showSecrets: true, creator: { name: 'x', version: '1' } }),
    )
    expect(shown).toContain('Bearer abc')
    expect(shown).toContain('token=t0')
    expect(shown).toContain('"creator":{"name":"x","version":"1"}')
  })
})
