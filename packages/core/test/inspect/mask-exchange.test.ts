import { describe, expect, it } from 'vitest'
import { explainChanges, maskExchange, maskHeaderValue, maskQuery } from '../../src/inspect/index.ts'
import { maskQueries } from '../../src/inspect/mask-value.ts'
import { recordExchange, STAGING } from './_exchange.ts'

describe('maskHeaderValue', () => {
  it.each<[string, string, string]>([
    ['cookie', 'sid=abc; theme=dark', 'sid=***; theme=***'],
    ['Cookie', 'sameorigin-__Host-sid=abc', 'sameorigin-__Host-sid=***'],
    [
      'set-cookie',
      'sid=abc; Path=/api; HttpOnly; SameSite=Lax',
      'sid=***; Path=/api; HttpOnly; SameSite=Lax',
    ],
    ['set-cookie', 'nameless', '***'],
    ['authorization', 'Bearer eyJhbGciOi.x.y', 'Bearer ***'],
    ['authorization', 'Basic dXNlcjpwYXNz', 'Basic ***'],
    ['authorization', 'opaque-token-without-scheme', '***'],
    ['proxy-authorization', 'Basic dXNlcjpwYXNz', 'Basic ***'],
    ['x-api-key', 'k-123', '***'],
    ['x-auth-token', 't-123', '***'],
    ['x-session-id', 's-1', '***'],
    ['x-csrf-token', 'c-1', '***'],
    ['location', '/cb?code=abc&state=xyz#frag', '/cb?code=***&state=xyz#frag'],
    ['referer', 'http://localhost:5173/?access_token=abc', 'http://localhost:5173/?access_token=***'],
    ['refresh', '0; url=/done?token=abc', '0; url=/done?token=***'],
    // Not secrets: kept.
    ['access-control-allow-credentials', 'true', 'true'],
    ['www-authenticate', 'Bearer realm="api"', 'Bearer realm="api"'],
    ['content-type', 'application/json', 'application/json'],
    ['x-request-id', '?token=looks-like-a-query', '?token=looks-like-a-query'],
  ])('%s: %s → %s', (name, value, masked) => {
    expect(maskHeaderValue(name, value)).toBe(masked)
  })
})

describe('maskQuery', () => {
  it.each<[string, string]>([
    ['/api/x', '/api/x'],
    ['/api/x?page=2', '/api/x?page=2'],
    [
      '/s3?X-Amz-Signature=abc&X-Amz-Credential=k&list=1',
      '/s3?X-Amz-Signature=***&X-Amz-Credential=k&list=1',
    ],
    [
      '/a?API_KEY=1&apiKey=2&client_secret=3&password=4&auth=5',
      '/a?API_KEY=***&apiKey=***&client_secret=***&password=***&auth=***',
    ],
    ['/a?%74oken=1', '/a?%74oken=***'],
    ['/a?token', '/a?token'],
    ['/a?code=1#code=2', '/a?code=***#code=2'],
    [`${STAGING}/v1/cb?id_token=x&state=s`, `${STAGING}/v1/cb?id_token=***&state=s`],
  ])('%s', (url, masked) => {
    expect(maskQuery(url)).toBe(masked)
  })
})

describe("maskQueries: the URLs and paths of a blocked call's text", () => {
  it.each<[string, string]>([
    [
      'fetch() GET https://x.test/v1/me?token=abc from http://localhost:5173',
      'fetch() GET https://x.test/v1/me?token=*** from http://localhost:5173',
    ],
    ['call /api/me?token=abc&page=2 instead', 'call /api/me?token=***&page=2 instead'],
    ["fetch('/api/me?key=k')", "fetch('/api/me?key=***')"],
    [
      "sameorigin doctor 'https://x.test/?code=c#code=d'",
      "sameorigin doctor 'https://x.test/?code=***#code=d'",
    ],
    ['why? no query here, nor in a?b', 'why? no query here, nor in a?b'],
  ])('%s', (text, masked) => {
    expect(maskQueries(text)).toBe(masked)
  })
})

describe('maskExchange', () => {
  const record = recordExchange({
    method: 'POST',
    url: '/api/login?token=t0&page=1',
    headers: {
      cookie: 'sid=old',
      authorization: 'Bearer abc',
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': '27',
    },
    requestBody: new TextEncoder().encode('user=ann&password=hunter2!'),
    route: { headers: { 'x-api-key': 'route-key' } },
    status: 302,
    upstream: {
      location: `${STAGING}/v1/home?code=c0`,
      'set-cookie': ['sid=new; Domain=staging.example.com; Path=/v1'],
      'content-type': 'text/plain',
    },
    responseBody: new TextEncoder().encode('password=visible-in-text'),
  })
  const masked = maskExchange(record)
  const text = JSON.stringify(masked)

  it('masks every secret the raw record holds, wherever it is', () => {
    for (const secret of ['t0', 'sid=old', 'abc', 'hunter2', 'route-key', 'c0', 'sid=new']) {
      expect(JSON.stringify(record)).toContain(secret)
      expect(text).not.toContain(secret)
    }
    expect(masked.url).toBe('/api/login?token=***&page=1')
    expect(masked.request.body?.text).toBe('user=ann&password=***')
    expect(masked.response.client).toContainEqual({ name: 'set-cookie', value: 'sid=***; Path=/api' })
    expect(masked.response.client).toContainEqual({ name: 'location', value: '/api/home?code=***' })
  })

  it('leaves what is no secret, and bodies other than forms, as they were', () => {
    expect(masked.request.client).toContainEqual({
      name: 'content-type',
      value: 'application/x-www-form-urlencoded',
    })
    expect(masked.response.body).toBe(record.response.body)
    expect(masked.id).toBe(record.id)
  })

  it('keeps the raw record untouched: masking happens when serving', () => {
    expect(record.url).toBe('/api/login?token=t0&page=1')
  })

  it('masks the explanations by default, and shows them with the session switch', () => {
    const shown = JSON.stringify(explainChanges(record, { showSecrets: true }))
    const hidden = JSON.stringify(explainChanges(record))
    expect(shown).toContain('route-key')
    expect(shown).toContain('code=c0')
    expect(hidden).not.toContain('route-key')
    expect(hidden).not.toContain('c0')
    expect(explainChanges(record).map((change) => change.explanation)).toContain(
      "X-Api-Key: *** added: set by the route's headers",
    )
  })
})
