// CORS mode never pairs `*` with credentials. In CORS mode (`sameorigin serve --allow-origin`, the
// engine's `cors` option) the proxy answers cross-origin calls itself. `Access-Control-Allow-Origin: *`
// next to `Access-Control-Allow-Credentials: true` would mean every site the developer visits may
// call the backend with their cookies (browsers refuse the pair, which is why servers that "fix" it
// echo any origin instead: the same hole). For any policy, any request Origin and any upstream
// answer (including a backend that sends its own `*` and credentials), the answer must never carry
// both, a credentialed answer must name exactly the calling origin and vary on it, `null` and
// origins outside the list are never allowed, and preflight answers echo only validated tokens.
import type { CorsPolicy, HeaderRecord } from '@sameorigin/core/rewrite'
import {
  isCorsOriginAllowed,
  toCorsHeaders,
  toPreflightHeaders,
  withCorsHeaders,
} from '@sameorigin/core/rewrite'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkProperty, HELD } from '../src/check-property.ts'

const LISTED = ['http://localhost:6006', 'https://storybook.test', 'http://127.0.0.1:3000'] as const

/** Policies as the engine holds them: `*` never with credentials (its `cors` option refuses that). */
const policy: fc.Arbitrary<CorsPolicy> = fc
  .record({
    origins: fc.oneof(
      fc.constant('*' as const),
      fc.subarray([...LISTED], { minLength: 1 }).map((origins) => new Set(origins) as ReadonlySet<string>),
    ),
    credentials: fc.boolean(),
    maxAge: fc.nat({ max: 86_400 }),
  })
  .map((value) => (value.origins === '*' ? { ...value, credentials: false } : value))

const origin = fc.oneof(
  fc.constantFrom(...LISTED, 'null', '*', 'http://evil.example', 'http://localhost:6006.evil.example', ''),
  fc.webUrl().map((url) => new URL(url).origin),
  fc.string({ unit: 'binary', maxLength: 20 }),
)

const upstreamHeaders = fc.dictionary(
  fc.constantFrom(
    'access-control-allow-origin',
    'access-control-allow-credentials',
    'access-control-allow-headers',
    'access-control-expose-headers',
    'vary',
    'set-cookie',
    'content-type',
    'x-request-id',
  ),
  fc.oneof(fc.constantFrom('*', 'true', 'Origin', 'http://evil.example'), fc.string({ maxLength: 10 })),
  { maxKeys: 6 },
) as fc.Arbitrary<HeaderRecord>

const requestHeaders = fc.record(
  {
    'access-control-request-method': fc.oneof(
      fc.constantFrom('PUT', 'delete', 'GET\r\nX-Evil: 1', 'P(T'),
      fc.string(),
    ),
    'access-control-request-headers': fc.oneof(
      fc.constantFrom('content-type, x-token', 'x-a\r\nset-cookie: a=b', 'a b, c', ''),
      fc.string(),
    ),
    'access-control-request-private-network': fc.constantFrom('true', 'false'),
  },
  { requiredKeys: [] },
)

/** What is wrong with one CORS answer for `origin` under `policy`, or nothing. */
function problemsOf(headers: HeaderRecord, active: CorsPolicy, from: string): string[] {
  const problems: string[] = []
  const allowOrigin = headers['access-control-allow-origin']
  const credentials = headers['access-control-allow-credentials']
  if (allowOrigin === '*' && credentials !== undefined) problems.push('`*` together with credentials')
  if (credentials !== undefined && !active.credentials) problems.push('credentials the policy does not grant')
  if (active.credentials) {
    if (allowOrigin !== from) problems.push(`a credentialed answer names ${String(allowOrigin)}, not ${from}`)
    const vary = [headers.vary ?? []].flat().join(',').toLowerCase()
    // `Vary: *` already says the answer depends on every request header, Origin included.
    if (!vary.split(',').some((name) => ['origin', '*'].includes(name.trim())))
      problems.push('no Vary: Origin')
  }
  return problems
}

const TOKEN_LIST = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+(?:, [!#$%&'*+\-.^_`|~0-9A-Za-z]+)*$/

describe('CORS mode (core/rewrite)', () => {
  it('no answer pairs `*` with credentials, whatever the upstream sent', () => {
    const tally = { allowed: 0, refused: 0 }
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title:
            'CORS answers (simple, upstream-merged, preflight) never pair `*` with credentials; credentialed ones name the exact caller and vary on Origin',
        },
        fc.property(policy, origin, upstreamHeaders, requestHeaders, (active, from, upstream, request) => {
          if (!isCorsOriginAllowed(active, from)) {
            tally.refused++
            return
          }
          tally.allowed++
          const answers = {
            simple: toCorsHeaders(active, from),
            merged: withCorsHeaders(upstream, active, from),
            preflight: toPreflightHeaders(active, from, request),
          }
          for (const [kind, headers] of Object.entries(answers)) {
            const problems = problemsOf(headers, active, from)
            if (problems.length > 0) throw new Error(`${kind} answer for ${from}: ${problems.join('; ')}`)
          }
          for (const name of ['access-control-allow-methods', 'access-control-allow-headers'] as const) {
            const value = answers.preflight[name]
            if (value !== undefined && !TOKEN_LIST.test(String(value)))
              throw new Error(`${name} echoes ${JSON.stringify(value)}, not a token list`)
          }
        }),
        { tally },
      ),
    ).toBe(HELD)
  })

  it('only listed origins are allowed, and `null` never', () => {
    expect(
      checkProperty(
        {
          module: 'core/rewrite',
          title: 'isCorsOriginAllowed: `null` never, and only listed origins unless the policy is `*`',
        },
        fc.property(policy, origin, (active, from) => {
          const allowed = isCorsOriginAllowed(active, from)
          const expected = from !== 'null' && (active.origins === '*' || active.origins.has(from))
          if (allowed !== expected) throw new Error(`${from} allowed: ${allowed}, expected ${expected}`)
        }),
      ),
    ).toBe(HELD)
  })
})
