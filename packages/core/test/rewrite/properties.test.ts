/**
 * Properties the rewriters keep for any input: they never throw, never add a `Domain`, never send a
 * redirect to a host other than the dev origin (or leave it as it was), never let a client-sent value
 * survive where the proxy speaks, and never mutate what they are given.
 */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  HOP_BY_HOP_HEADERS,
  hasSecureCookiePrefix,
  rewriteLocation,
  rewriteRefresh,
  rewriteRequestCookie,
  rewriteSetCookie,
  stripHopByHop,
  toClientHeaders,
  toDevOrigin,
  toUpstreamHeaders,
} from '../../src/rewrite/index.ts'
import type { ReadonlyHeaderRecord } from '../../src/rewrite/index.ts'
import { createMatch, createRoute, DEV, STAGING } from './_fixtures.ts'

const route = createRoute('/api', `${STAGING}/v1`)
const match = createMatch(route, '/api/account/session')
const locationContext = { targetOrigin: STAGING, requestUrl: match.upstreamUrl, toDevPath: route.toDevPath }

/** The route's mapping, `undefined` where it throws (the rewriters treat both alike). */
function safeToDevPath(path: string): string | undefined {
  try {
    return route.toDevPath(path)
  } catch {
    return undefined
  }
}

/** Attributes as a browser reads them (RFC 6265bis §5.7): lower-cased name and trimmed value. */
function attributes(setCookie: string): Array<[string, string]> {
  return setCookie
    .split(';')
    .slice(1)
    .map((part) => {
      const eq = part.indexOf('=')
      return eq === -1
        ? [part.trim().toLowerCase(), '']
        : [part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim()]
    })
}

const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''))
const path = fc.oneof(
  fc.constantFrom('/', '/v1', '/v1/', '/v1/a', '/v10', '/other', '', 'v1', '//x'),
  fc.webPath(),
  fc.string(),
)
const attribute = fc.oneof(
  fc
    .tuple(anyCase('domain'), fc.constantFrom('', '=example.com', '=.staging.example.com', '=localhost'))
    .map(([a, b]) => a + b),
  fc.tuple(anyCase('path'), path).map(([a, p]) => `${a}=${p}`),
  anyCase('secure'),
  anyCase('partitioned'),
  anyCase('httponly'),
  fc
    .tuple(anyCase('samesite'), fc.constantFrom('=none', '=None', '=lax', '=strict', '', '= NONE '))
    .map(([a, b]) => a + b),
  fc.string(),
)
const cookieName = fc.oneof(
  fc.constantFrom('sid', '__Secure-sid', '__Host-sid', '__host-x', '__Http-a', '__Host-Http-b', ''),
  fc.string(),
)
const setCookie = fc.oneof(
  fc
    .tuple(cookieName, fc.string(), fc.array(attribute, { maxLength: 8 }), fc.constantFrom(';', '; ', ' ;'))
    .map(([name, value, attrs, separator]) => [`${name}=${value}`, ...attrs].join(separator)),
  fc.string({ unit: 'binary' }),
)

describe('rewriteSetCookie properties', () => {
  it('never adds a Domain, and Path is only ever the original or its mapping', () => {
    fc.assert(
      fc.property(setCookie, fc.boolean(), (value, devSecure) => {
        const out = rewriteSetCookie(value, { devSecure, toDevPath: route.toDevPath })
        const before = attributes(value)
          .filter(([name]) => name === 'path')
          .map(([, v]) => v)
        const allowed = new Set([...before, ...before.map(safeToDevPath)])
        const after = attributes(out)
        expect(after.map(([name]) => name)).not.toContain('domain')
        for (const [, v] of after.filter(([name]) => name === 'path')) expect(allowed).toContain(v)
      }),
    )
  })

  it('on plain http, leaves nothing a browser would reject for lack of Secure', () => {
    fc.assert(
      fc.property(setCookie, (value) => {
        const out = rewriteSetCookie(value, { devSecure: false, toDevPath: route.toDevPath })
        const after = attributes(out)
        expect(after.map(([name]) => name)).not.toContain('secure')
        expect(after.map(([name]) => name)).not.toContain('partitioned')
        expect(after.filter(([name, v]) => name === 'samesite' && v.toLowerCase() === 'none')).toEqual([])
        // A name exists only when the pair has a "=" (RFC 6265bis §5.7 step 2).
        const pair = out.split(';')[0] ?? ''
        expect(pair.includes('=') && hasSecureCookiePrefix(pair.trimStart())).toBe(false)
      }),
    )
  })

  it('keeps the name and value, and the backend gets its cookie name back', () => {
    fc.assert(
      fc.property(setCookie, fc.boolean(), (value, devSecure) => {
        const out = rewriteSetCookie(value, { devSecure, toDevPath: route.toDevPath })
        const pairIn = value.split(';')[0] ?? ''
        const pairOut = out.split(';')[0] ?? ''
        expect(rewriteRequestCookie(pairOut).trimStart()).toBe(
          pairIn.includes('=') ? pairIn.trimStart() : rewriteRequestCookie(pairIn).trimStart(),
        )
      }),
    )
  })
})

describe('rewriteLocation properties', () => {
  const location = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.webPath().map((p) => STAGING + p),
    fc.webPath().map((p) => `//staging.example.com${p}`),
    fc.webPath(),
    fc.string().map((s) => `${STAGING}/v1/${s}`),
    fc.string(),
    fc.string({ unit: 'binary' }),
  )

  it('answers the original value or a reference that stays on the dev origin', () => {
    fc.assert(
      fc.property(location, (value) => {
        const out = rewriteLocation(value, locationContext)
        if (out === value) return
        for (const base of ['http://localhost:5173/api/x', 'https://tunnel.example/app/']) {
          expect(new URL(out, base).origin).toBe(new URL(base).origin)
        }
      }),
    )
  })

  it('never throws from Refresh, and a rewritten Refresh keeps what surrounds the URL', () => {
    fc.assert(
      fc.property(fc.string(), location, fc.string({ unit: 'binary' }), (prefix, url, raw) => {
        expect(() => rewriteRefresh(raw, locationContext)).not.toThrow()
        const value = `${prefix.replace(/[^0-9.]/g, '')}0; url=${url}`
        const out = rewriteRefresh(value, locationContext)
        expect(out.slice(0, out.indexOf('url=') + 4)).toBe(value.slice(0, value.indexOf('url=') + 4))
      }),
    )
  })
})

describe('header record properties', () => {
  const headerName = fc.oneof(
    fc.constantFrom(...HOP_BY_HOP_HEADERS, 'host', 'origin', 'referer', 'cookie', 'set-cookie', 'location'),
    fc.constantFrom(
      'x-forwarded-for',
      'x-forwarded-host',
      'forwarded',
      ':authority',
      '__proto__',
      'content-length',
    ),
    fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
  )
  const headerValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined))
  const headers = fc.dictionary(headerName, headerValue, {
    maxKeys: 12,
  }) as fc.Arbitrary<ReadonlyHeaderRecord>

  it('strip no listed or hop-by-hop name, and never mutate the input', () => {
    fc.assert(
      fc.property(headers, fc.boolean(), fc.integer({ min: 100, max: 599 }), (input, upgrade, status) => {
        const snapshot = structuredClone(input)
        const up = toUpstreamHeaders(input, {
          match,
          dev: DEV,
          clientAddress: '10.0.0.1',
          upgrade,
          body: { kind: 'none' },
          method: 'GET',
        })
        const down = toClientHeaders(input, { match, dev: DEV, status })
        const plain = stripHopByHop(input)
        expect(input).toEqual(snapshot)
        const connection = [input.connection ?? []]
          .flat()
          .join(',')
          .toLowerCase()
          .split(',')
          .map((s) => s.trim())
        for (const out of [up, down, plain]) {
          for (const name of Object.keys(out)) {
            expect(name.startsWith(':')).toBe(false)
            if (name === 'connection' || name === 'upgrade') continue
            expect(HOP_BY_HOP_HEADERS.has(name)).toBe(false)
            // Host and X-Forwarded-* are set by the proxy after stripping, whatever Connection listed.
            const setByProxy = name === 'host' || name.startsWith('x-forwarded-')
            expect(!setByProxy && connection.includes(name)).toBe(false)
          }
        }
        expect(plain.connection).toBeUndefined()
        expect(up['x-forwarded-for']).toBe('10.0.0.1')
        expect(up['x-forwarded-host']).toBe('localhost:5173')
        expect(up.forwarded).toBeUndefined()
        expect(up.host).toBe('staging.example.com')
      }),
    )
  })

  it('toDevOrigin answers undefined or an origin browsers would write the same way', () => {
    const host = fc.oneof(
      fc.stringMatching(/^[a-zA-Z0-9._~\-[\]:]{0,20}$/),
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
      fc.string({ unit: 'binary' }),
    )
    fc.assert(
      fc.property(host, fc.option(fc.integer({ min: 0, max: 99_999 })), fc.boolean(), (name, port, tls) => {
        const dev = toDevOrigin({ host: port === null ? name : `${name}:${port}` }, tls)
        if (dev === undefined) return
        expect(new URL(dev.origin).origin).toBe(dev.origin)
        expect(dev.origin.startsWith(tls ? 'https://' : 'http://')).toBe(true)
      }),
    )
  })
})
