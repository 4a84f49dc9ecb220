// The inference on real recordings: the app recorded through the dev proxy by Chromium (the
// inspector's HAR export) and a DevTools "Save all as HAR" of the app talking to its API cross-origin.
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadConfig } from '@sameorigin/core'
import type { ResolvedConfig } from '@sameorigin/core'
import { harValidator } from '@sameorigin/test-utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inferCorsPolicy } from '../../src/cors-policy/infer-cors-policy.ts'
import { readHar } from '../../src/cors-policy/read-har.ts'
import { scanSource } from '../../src/cors-policy/scan-source.ts'
import { toObservedRequests } from '../../src/cors-policy/to-observed-requests.ts'
import type { ObservedRequests } from '../../src/cors-policy/to-observed-requests.ts'
import type { CorsPolicy } from '../../src/cors-policy/types.ts'
import { APP_SOURCE } from './_app.ts'
import { recordApp } from './_record.ts'
import type { Recorded } from './_record.ts'

const DEVTOOLS_FILE = join(import.meta.dirname, 'fixtures/devtools.har')
const devtools = readHar(readFileSync(DEVTOOLS_FILE, 'utf8'), 'devtools.har')
const APP = { origin: 'https://app.example.com', from: '--origin' }

/** The reason for `value`; `not x` finds x in a grouped `not a, x, b`. */
const why = (policy: CorsPolicy, value: string): string | undefined =>
  policy.reasons.find(
    (reason) =>
      reason.value === value ||
      (value.startsWith('not ') &&
        reason.value.startsWith('not ') &&
        reason.value.slice(4).split(', ').includes(value.slice(4))),
  )?.why

describe('the app recorded through the dev proxy (the inspector export)', () => {
  let recorded: Recorded
  let config: ResolvedConfig
  let learned: ObservedRequests
  beforeAll(async () => {
    recorded = await recordApp()
    config = await loadConfig({ root: recorded.dir, mode: 'development', command: 'serve' })
    learned = toObservedRequests([{ source: 'app.har', entries: recorded.har.log.entries }], config)
  }, 60_000)
  afterAll(() => rmSync(recorded.dir, { recursive: true, force: true }))

  it('is a valid HAR 1.2, recorded while the app worked', () => {
    const validate = harValidator()
    expect(validate(recorded.har) ? [] : validate.errors).toEqual([])
    expect(recorded.page).toEqual({ statuses: [200, 200, 200, 204], total: '2' })
  })

  it('learns the four calls the routes match; the page load is skipped with why', () => {
    expect(learned.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /api/session',
      'GET /api/items',
      'PUT /api/items/1',
      'DELETE /api/items/2',
    ])
    // Chromium may also ask for /favicon.ico: skipped for the same reason.
    expect(learned.skipped).toContainEqual({
      method: 'GET',
      url: expect.stringMatching(/:\d+\/$/),
      why: 'no route of the config matches its path',
    })
    expect(new Set(learned.skipped.map((entry) => entry.why))).toEqual(
      new Set(['no route of the config matches its path']),
    )
  })

  it('allows the methods and the non-safelisted headers the app sets, credentials for its cookie', () => {
    const policy = inferCorsPolicy({ mode: 'production', requests: learned.requests, origins: [APP] })
    expect(policy).toMatchObject({
      origins: { exact: ['https://app.example.com'], loopback: false },
      methods: ['DELETE', 'GET', 'POST', 'PUT'],
      allowHeaders: ['content-type', 'x-csrf-token'],
      credentials: true,
      maxAge: 7200,
    })
    expect(why(policy, 'content-type')).toMatch(
      /POST .*\/api\/session \(content-type: application\/json is not CORS-safelisted\)/,
    )
    expect(why(policy, 'not accept')).toMatch(/CORS-safelisted/)
    expect(why(policy, 'not user-agent')).toBe('the browser sends its own')
    expect(why(policy, 'not sec-fetch-mode')).toMatch(/forbidden request headers/)
    expect(why(policy, 'credentials: true')).toMatch(
      /POST .*\/api\/session: it sent a Cookie header|Set-Cookie/,
    )
    // The recording ran on the dev server's origin: not allowed in production.
    expect(policy.reasons.some((reason) => /^not http:\/\/127\.0\.0\.1:\d+$/.test(reason.value))).toBe(true)
  })

  it('without --src exposes what the backend sent and says a recording cannot tell more; with it only what the code reads', () => {
    const guessed = inferCorsPolicy({ mode: 'production', requests: learned.requests, origins: [APP] })
    expect(guessed.exposeHeaders).toEqual(['x-request-id', 'x-total-count'])
    expect(why(guessed, 'x-total-count')).toMatch(/a recording cannot show whether the code reads it/)
    const source = scanSource([{ file: 'src/api.js', text: APP_SOURCE }])
    const read = inferCorsPolicy({ mode: 'production', requests: learned.requests, origins: [APP], source })
    expect(read.exposeHeaders).toEqual(['x-total-count'])
    expect(why(read, 'x-total-count')).toMatch(/^src\/api\.js reads it; the backend sends it on GET /)
    expect(why(read, 'not x-request-id')).toBe('the backend sends it, but no file of --src reads it')
  })

  it('in development allows any loopback port, with a short Max-Age', () => {
    const policy = inferCorsPolicy({ mode: 'development', requests: learned.requests, origins: [] })
    expect(policy.origins).toEqual({ exact: [], loopback: true })
    expect(policy.maxAge).toBe(600)
  })

  it('never allows "*", and outside development needs the exact origins', () => {
    expect(() => inferCorsPolicy({ mode: 'production', requests: learned.requests, origins: [] })).toThrow(
      /needs the exact origins/,
    )
    expect(() =>
      inferCorsPolicy({
        mode: 'development',
        requests: learned.requests,
        origins: [{ origin: '*', from: '--origin' }],
      }),
    ).toThrow(/"\*"/)
    expect(() =>
      inferCorsPolicy({
        mode: 'production',
        requests: learned.requests,
        origins: [{ origin: 'https://app.example.com/path', from: '--origin' }],
      }),
    ).toThrow(/no path/)
  })
})

describe("a browser's HAR of the app calling its API cross-origin (DevTools → Save all as HAR)", () => {
  const learned = toObservedRequests([{ source: 'devtools.har', entries: devtools.log.entries }], undefined)

  it('is a valid HAR 1.2', () => {
    const validate = harValidator()
    expect(validate(devtools) ? [] : validate.errors).toEqual([])
  })

  it("keeps only the code's fetch and XHR calls: page loads and the browser's preflight are skipped with why", () => {
    expect(learned.requests.map((request) => request.method)).toEqual(['GET', 'PATCH', 'POST'])
    expect(learned.skipped.map((entry) => entry.why)).toEqual([
      "a document load, not a fetch() or XMLHttpRequest of the page's code",
      "a script load, not a fetch() or XMLHttpRequest of the page's code",
      'a CORS preflight the browser sent (the request it announced is in the recording too)',
    ])
  })

  it("allows Authorization by name without credentials, leaves out the browser's cache headers and pseudo-headers", () => {
    const policy = inferCorsPolicy({ mode: 'production', requests: learned.requests, origins: [APP] })
    expect(policy.allowHeaders).toEqual([
      'authorization',
      'content-type',
      'x-client-version',
      'x-requested-with',
    ])
    expect(policy.credentials).toBe(false)
    expect(why(policy, 'not allowed')).toMatch(/Authorization header is allowed by name/)
    expect(why(policy, 'not cache-control')).toMatch(/cache is bypassed/)
    expect(policy.allowHeaders.some((name) => name.startsWith(':'))).toBe(false)
    // text/plain is one of the three form types: safelisted.
    expect(why(policy, 'not content-type')).toBeUndefined()
    expect(why(policy, 'content-type')).toMatch(/application\/merge-patch\+json is not CORS-safelisted/)
    // The recording's token is never printed.
    expect(why(policy, 'authorization')).toMatch(/\(authorization: Bearer \*\*\* is not CORS-safelisted\)$/)
  })

  it("exposes the page's business headers it saw, not infrastructure ones nor the recording's own CORS headers", () => {
    const policy = inferCorsPolicy({ mode: 'production', requests: learned.requests, origins: [APP] })
    expect(policy.exposeHeaders).toEqual(['etag', 'link', 'x-ratelimit-remaining'])
  })

  it('in development adds the non-loopback page origin the recording shows', () => {
    const policy = inferCorsPolicy({ mode: 'development', requests: learned.requests, origins: [] })
    expect(policy.origins).toEqual({ exact: ['https://app.example.com'], loopback: true })
  })

  it('--credentials and --header widen it on purpose, each with its reason', () => {
    const policy = inferCorsPolicy({
      mode: 'production',
      requests: learned.requests,
      origins: [APP],
      credentials: true,
      headers: ['X-Trace'],
    })
    expect(policy.credentials).toBe(true)
    expect(why(policy, 'credentials: true')).toBe('given by --credentials')
    expect(why(policy, 'x-trace')).toBe('given by --header')
  })
})

describe('scanSource', () => {
  it('finds literal header reads of fetch, XMLHttpRequest and axios, and credential requests', () => {
    const evidence = scanSource([
      { file: 'a.ts', text: 'const n = res.headers.get(\'X-Total-Count\'); res.headers.has("ETag")' },
      { file: 'b.js', text: "xhr.getResponseHeader('Link'); const id = response.headers['x-request-id']" },
      { file: 'c.js', text: 'axios.create({ withCredentials: true })' },
      { file: 'd.js', text: 'headers.get(name) // a variable: not seen' },
    ])
    expect([...evidence.readsHeaders]).toEqual([
      ['x-total-count', 'a.ts'],
      ['etag', 'a.ts'],
      ['link', 'b.js'],
      ['x-request-id', 'b.js'],
    ])
    expect(evidence.credentials).toEqual(['c.js'])
  })
})

describe('readHar', () => {
  const entry = {
    request: { method: 'GET', url: 'https://api.example.com/a', headers: [{ name: 'Cookie', value: 'a=1' }] },
    response: { status: 200, headers: [] },
  }

  it('reads the fields the policy needs, with the cookies lists left out as some tools do', () => {
    const har = readHar(JSON.stringify({ log: { entries: [entry] } }), 'tool.har')
    const { requests } = toObservedRequests([{ source: 'tool.har', entries: har.log.entries }], undefined)
    expect(requests.map((request) => request.credentials)).toEqual(['it sent a Cookie header'])
  })

  it.each([
    ['{', /--har x.har is not JSON/],
    ['{"log":{}}', /--har x.har is not a HAR log/],
    [
      JSON.stringify({ log: { entries: [{ ...entry, request: { method: 'GET', url: 'u' } }] } }),
      /is not a HAR log: .* request \(method, url, headers\)/,
    ],
  ])('refuses %s naming the file', (text, message) => {
    expect(() => readHar(text, 'x.har')).toThrow(message)
  })
})
