// `sameorigin doctor` against real Chromium: for each CORS configuration × request shape, the real
// bin (`--json`) and a `fetch()` in Chromium ask the same backend the same thing, and they must agree:
// doctor says allowed ⇔ fetch() resolved. The backend records every request each of them sent, and
// those must match too (preflight or not, Access-Control-Request-Headers, Origin: null after a
// cross-origin redirect, Authorization dropped...). Where Chromium deliberately differs from the
// standard, the case names the reason code whose `browsers` note documents it, and the difference is
// asserted as such.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'
import { startBrowser } from './_browser.ts'
import type { BrowserPages, PageKind, PageRequest } from './_browser.ts'
import { CONFIGS, startCorsBackend } from './_cors-backend.ts'
import type { ConfigName, CorsBackend, Seen } from './_cors-backend.ts'

interface Case {
  readonly id: string
  readonly config: ConfigName
  readonly method?: string
  readonly headers?: readonly (readonly [string, string])[]
  readonly credentials?: boolean
  /** The page's origin. @default 'loopback' */
  readonly page?: PageKind
  /** Ask through this host instead of 127.0.0.1 (a name only Chromium resolves). */
  readonly host?: string
  /** doctor's verdict. */
  readonly allowed: boolean
  /** The block reason doctor must give, or the warnings it must include. */
  readonly code?: string
  readonly warns?: readonly string[]
  /** Chromium runs it from a context that granted the Local Network Access permission. */
  readonly granted?: boolean
  /** Chromium differs from the standard here: the reason code whose `browsers` note says so. */
  readonly chromiumDiffers?: string
}

const JSON_TYPE = ['Content-Type', 'application/json'] as const

const CASES: readonly Case[] = [
  // Access-Control-Allow-Origin
  { id: 'no-acao', config: 'no-acao', allowed: false, code: 'acao-missing' },
  { id: 'star', config: 'star', allowed: true },
  {
    id: 'star-credentials',
    config: 'star-credentials',
    credentials: true,
    allowed: false,
    code: 'acao-wildcard-credentials',
  },
  { id: 'exact', config: 'exact', allowed: true, warns: ['vary-missing'] },
  { id: 'exact-credentials', config: 'exact-credentials', credentials: true, allowed: true },
  { id: 'wrong-origin', config: 'wrong-origin', allowed: false, code: 'acao-mismatch' },
  { id: 'trailing-slash', config: 'trailing-slash', allowed: false, code: 'acao-mismatch' },
  { id: 'null-origin', config: 'null-origin', allowed: false, code: 'acao-null' },
  { id: 'two-acao', config: 'two-acao', allowed: false, code: 'acao-multiple' },
  { id: 'acao-list', config: 'acao-list', allowed: false, code: 'acao-multiple' },
  // Access-Control-Allow-Credentials
  { id: 'acac-missing', config: 'exact', credentials: true, allowed: false, code: 'acac-missing' },
  { id: 'acac-uppercase', config: 'acac-uppercase', credentials: true, allowed: false, code: 'acac-invalid' },
  // When a preflight is needed, and what it must allow
  {
    id: 'simple-post',
    config: 'exact',
    method: 'POST',
    headers: [['Content-Type', 'text/plain;charset=UTF-8']],
    allowed: true,
  },
  { id: 'range', config: 'exact', headers: [['Range', 'bytes=0-1']], allowed: true },
  {
    id: 'accept-over-128',
    config: 'exact',
    headers: [['Accept', `application/${'x'.repeat(130)}`]],
    allowed: false,
    code: 'header-not-allowed',
  },
  {
    id: 'forbidden-cookie',
    config: 'exact',
    headers: [['Cookie', 'a=b']],
    allowed: true,
    warns: ['forbidden-header'],
  },
  {
    id: 'preflight-no-methods',
    config: 'preflight-no-methods',
    method: 'PUT',
    allowed: false,
    code: 'method-not-allowed',
  },
  {
    id: 'preflight-ok',
    config: 'preflight-ok',
    method: 'PUT',
    headers: [JSON_TYPE, ['Authorization', 'Bearer t'], ['X-Api-Key', 'k']],
    credentials: true,
    allowed: true,
  },
  { id: 'methods-star', config: 'methods-star', method: 'DELETE', allowed: true, warns: ['max-age-missing'] },
  {
    id: 'methods-star-credentials',
    config: 'methods-star-credentials',
    method: 'PUT',
    credentials: true,
    allowed: false,
    code: 'methods-wildcard-credentials',
  },
  {
    id: 'methods-lowercase',
    config: 'methods-lowercase',
    method: 'PUT',
    allowed: false,
    code: 'method-not-allowed',
  },
  {
    id: 'methods-patch-case',
    config: 'preflight-ok',
    method: 'patch',
    allowed: false,
    code: 'method-not-allowed',
  },
  {
    id: 'headers-star-authorization',
    config: 'headers-star',
    headers: [['Authorization', 'Bearer t']],
    allowed: false,
    code: 'headers-wildcard-authorization',
    chromiumDiffers: 'headers-wildcard-authorization',
  },
  { id: 'headers-star-custom', config: 'headers-star', headers: [['X-Api-Key', 'k']], allowed: true },
  {
    id: 'headers-star-credentials',
    config: 'headers-star-credentials',
    headers: [['X-Api-Key', 'k']],
    credentials: true,
    allowed: false,
    code: 'headers-wildcard-credentials',
  },
  {
    id: 'headers-missing',
    config: 'headers-missing',
    method: 'POST',
    headers: [JSON_TYPE],
    allowed: false,
    code: 'header-not-allowed',
  },
  { id: 'preflight-404', config: 'preflight-404', method: 'PUT', allowed: false, code: 'preflight-status' },
  { id: 'preflight-500', config: 'preflight-500', method: 'PUT', allowed: false, code: 'preflight-status' },
  {
    id: 'preflight-redirect',
    config: 'preflight-redirect',
    method: 'PUT',
    allowed: false,
    code: 'preflight-redirect',
  },
  // Redirects
  { id: 'redirect-same-origin', config: 'redirect-same-origin', allowed: true },
  { id: 'redirect-hop-no-cors', config: 'redirect-hop-no-cors', allowed: false, code: 'acao-missing' },
  {
    id: 'redirect-cross-origin-exact',
    config: 'redirect-cross-origin-exact',
    allowed: false,
    code: 'acao-mismatch',
    warns: ['redirect-origin-null'],
  },
  {
    id: 'redirect-cross-origin-star',
    config: 'redirect-cross-origin-star',
    allowed: true,
    warns: ['redirect-origin-null'],
  },
  {
    id: 'redirect-cross-origin-echo',
    config: 'redirect-cross-origin-echo',
    credentials: true,
    allowed: true,
    warns: ['redirect-origin-null'],
  },
  {
    id: 'redirect-put-307',
    config: 'redirect-put-307',
    method: 'PUT',
    allowed: true,
    warns: ['redirect-after-preflight'],
  },
  {
    id: 'redirect-put-307-cross',
    config: 'redirect-put-307-cross',
    method: 'PUT',
    allowed: true,
    warns: ['redirect-origin-null'],
  },
  {
    id: 'redirect-303-post',
    config: 'redirect-303-post',
    method: 'POST',
    headers: [['Content-Type', 'text/plain']],
    allowed: true,
    warns: ['redirect-method-changed'],
  },
  {
    id: 'redirect-auth-cross',
    config: 'redirect-auth-cross',
    headers: [['Authorization', 'Bearer t']],
    allowed: true,
    warns: ['redirect-authorization-dropped'],
  },
  { id: 'redirect-loop', config: 'redirect-loop', allowed: false, code: 'redirect-limit' },
  { id: 'no-location-302', config: 'no-location-302', allowed: true },
  // What the page can read, and caches
  { id: 'expose', config: 'expose', allowed: true, warns: ['expose-hidden'] },
  { id: 'expose-star', config: 'expose-star', allowed: true },
  { id: 'server-error', config: 'server-error', allowed: true },
  // Before any request: Local Network Access and mixed content
  { id: 'lna-insecure', config: 'echo', page: 'public-http', allowed: false, code: 'local-network-insecure' },
  {
    id: 'lna-permission',
    config: 'echo',
    page: 'public-https',
    granted: true,
    method: 'PUT',
    allowed: true,
    warns: ['local-network-permission'],
  },
  {
    id: 'mixed-content',
    config: 'echo',
    page: 'https-loopback',
    host: 'api.sameorigin.test',
    allowed: false,
    code: 'mixed-content',
  },
]

/** What Chromium 156 writes on the console for each block reason (the page only sees a TypeError). */
const CHROMIUM_SAYS: Readonly<Record<string, RegExp>> = {
  'acao-missing': /No 'Access-Control-Allow-Origin' header is present on the requested resource/,
  'acao-wildcard-credentials':
    /must not be the wildcard '\*' when the request's credentials mode is 'include'/,
  'acao-mismatch':
    /'Access-Control-Allow-Origin' header has a value '[^']+' that is not equal to the supplied origin/,
  'acao-null':
    /'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin/,
  'acao-multiple': /'Access-Control-Allow-Origin' header contains multiple values/,
  'acac-missing': /'Access-Control-Allow-Credentials' header in the response is '' which must be 'true'/,
  'acac-invalid': /'Access-Control-Allow-Credentials' header in the response is '[^']+' which must be 'true'/,
  'method-not-allowed': /Method \S+ is not allowed by Access-Control-Allow-Methods in preflight response/,
  'methods-wildcard-credentials':
    /Method \S+ is not allowed by Access-Control-Allow-Methods in preflight response/,
  'header-not-allowed':
    /Request header field \S+ is not allowed by Access-Control-Allow-Headers in preflight response/,
  'headers-wildcard-credentials':
    /Request header field \S+ is not allowed by Access-Control-Allow-Headers in preflight response/,
  'preflight-status':
    /Response to preflight request doesn't pass access control check: It does not have HTTP ok status/,
  'preflight-redirect': /Redirect is not allowed for a preflight request/,
  'redirect-limit': /net::ERR_TOO_MANY_REDIRECTS/,
  'local-network-insecure':
    /not a secure context and the resource is in more-private address space `loopback`/,
  'mixed-content': /Mixed Content: .* This request has been blocked/,
}

let backend: CorsBackend
let browser: BrowserPages
let cwd: string

beforeAll(async () => {
  browser = await startBrowser()
  backend = await startCorsBackend(browser.origins.loopback)
  // No package.json here: the fixes name the stand-alone proxy (project detection is tested elsewhere).
  cwd = mkdtempSync(join(tmpdir(), 'sameorigin-doctor-'))
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await backend?.close()
  if (cwd !== undefined) rmSync(cwd, { recursive: true, force: true })
})

function urlFor(test: Case, by: string): string {
  const base = new URL(backend.a.url)
  if (test.host !== undefined) base.hostname = test.host
  return `${base.origin}/cfg/${test.config}?case=${test.id}&by=${by}`
}

/** What each side sent, comparable across them (the `by` query differs; the rest must not). */
function trace(by: string, id: string): string[] {
  return backend.seen
    .filter((seen: Seen) => seen.by === by && seen.caseId === id)
    .map(
      (seen) =>
        `${seen.server} ${seen.method} ${seen.path} origin=${seen.origin ?? '-'}` +
        (seen.method === 'OPTIONS'
          ? ` acrm=${seen.requestMethod ?? '-'} acrh=${seen.requestHeaders ?? '-'}`
          : '') +
        ` authorization=${seen.authorization ? 'yes' : 'no'}`,
    )
}

interface Report {
  allowed: boolean
  reasons: { code: string; severity: string; browsers?: string }[]
  request: { readableHeaders: string[] | null }
}

async function runDoctor(test: Case, origin: string): Promise<Report> {
  const args = [
    'doctor',
    urlFor(test, 'doctor'),
    '--origin',
    origin,
    '--method',
    test.method ?? 'GET',
    '--json',
  ]
  for (const [name, value] of test.headers ?? []) args.push('--header', `${name}: ${value}`)
  if (test.credentials === true) args.push('--credentials')
  const { code, stdout, stderr } = await runBin(args, { cwd })
  const report = JSON.parse(stdout) as Report
  // --json writes nothing on stderr; the exit code says the verdict.
  expect({ code, stderr }).toEqual({ code: report.allowed ? 0 : 1, stderr: '' })
  return report
}

/** Runs the case on both sides and returns what each did. */
async function both(test: Case) {
  const kind = test.page ?? 'loopback'
  const report = await runDoctor(test, browser.origins[kind])
  const request: PageRequest = {
    method: test.method ?? 'GET',
    headers: test.headers ?? [],
    credentials: test.credentials === true ? 'include' : 'omit',
  }
  const outcome = await browser.fetch(kind, urlFor(test, 'chromium'), request, {
    granted: test.granted === true,
  })
  const codes = report.reasons.map((reason) => `${reason.severity}:${reason.code}`)
  const expected = [
    ...(test.code === undefined ? [] : [`block:${test.code}`]),
    ...(test.warns ?? []).map((code) => `warn:${code}`),
  ]
  // doctor's verdict and reasons are the case's; allowed means no block reason at all.
  expect({
    allowed: report.allowed,
    blocked: codes.some((code) => code.startsWith('block:')),
    codes,
  }).toEqual({
    allowed: test.allowed,
    blocked: !test.allowed,
    codes: expect.arrayContaining(expected),
  })
  return { report, outcome, doctorTrace: trace('doctor', test.id), chromiumTrace: trace('chromium', test.id) }
}

describe('doctor agrees with Chromium', () => {
  it('covers at least 20 configurations, each one defined', () => {
    const used = new Set(CASES.map((test) => test.config))
    expect(used.size).toBeGreaterThanOrEqual(20)
    expect([...used].filter((name) => CONFIGS[name] === undefined)).toEqual([])
  })

  it.each(CASES.filter((test) => test.chromiumDiffers === undefined).map((test) => [test.id, test] as const))(
    '%s',
    async (_id, test) => {
      const { report, outcome, doctorTrace, chromiumTrace } = await both(test)
      // Same verdict (with Chromium's console as the diff context), same requests sent.
      expect({ resolved: outcome.resolved, console: outcome.console }).toMatchObject({
        resolved: report.allowed,
      })
      expect(doctorTrace).toEqual(chromiumTrace)
      // For the same reason: Chromium's console message for doctor's block reason.
      expect(outcome.console.join('\n')).toMatch(
        test.code === undefined ? /(?:)/ : (CHROMIUM_SAYS[test.code] ?? /^$/),
      )
      // And the page can read the same response headers.
      const readable = report.allowed ? (report.request.readableHeaders ?? []).toSorted() : null
      expect(outcome.resolved ? (outcome.readable ?? []).toSorted() : null).toEqual(readable)
    },
  )

  it.each(CASES.filter((test) => test.chromiumDiffers !== undefined).map((test) => [test.id, test] as const))(
    '%s: Chromium differs from the standard, as documented',
    async (_id, test) => {
      const { report, outcome, doctorTrace, chromiumTrace } = await both(test)
      // Chromium lets it through where the standard does not, and doctor's reason says so in its
      // `browsers` note. Up to where doctor stops, both sent the same requests; Chromium goes on.
      expect({ resolved: outcome.resolved, console: outcome.console }).toMatchObject({
        resolved: !report.allowed,
      })
      const reason = report.reasons.find((found) => found.code === test.chromiumDiffers)
      expect(reason?.browsers).toMatch(/Chromium 156 still lets/)
      expect(chromiumTrace.slice(0, doctorTrace.length)).toEqual(doctorTrace)
      expect(chromiumTrace.length).toBeGreaterThan(doctorTrace.length)
    },
  )

  it('Local Network Access: headless Chromium denies the permission the verdict assumes, and sends nothing', async () => {
    // The same request as `lna-permission`, from a context that never granted the permission.
    const test = CASES.find((found) => found.id === 'lna-permission')
    if (test === undefined) throw new Error('lna-permission case missing')
    const url = `${backend.a.url}/cfg/echo?case=lna-denied&by=chromium`
    const denied = await browser.fetch('public-https', url, {
      method: 'PUT',
      headers: [],
      credentials: 'omit',
    })
    expect(denied.resolved).toBe(false)
    expect(denied.console.join('\n')).toMatch(
      /Permission was denied for this request to access the `loopback` address space/,
    )
    expect(trace('chromium', 'lna-denied')).toEqual([])
    // With the permission granted (what the warning assumes), the request goes through.
    const granted = await browser.fetch(
      'public-https',
      url.replace('lna-denied', 'lna-granted'),
      { method: 'PUT', headers: [], credentials: 'omit' },
      { granted: true },
    )
    expect({ resolved: granted.resolved, console: granted.console }).toMatchObject({ resolved: true })
  })
})
