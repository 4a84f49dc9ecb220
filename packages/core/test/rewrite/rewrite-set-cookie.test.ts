import { describe, expect, it } from 'vitest'
import { rewriteSetCookie } from '../../src/rewrite/index.ts'
import type { RewriteSetCookieContext } from '../../src/rewrite/index.ts'
import { createRoute, STAGING } from './_fixtures.ts'
import type { RouteFixtureOptions } from './_fixtures.ts'

const route = createRoute('/api', `${STAGING}/v1`)
const http: RewriteSetCookieContext = { devSecure: false, toDevPath: route.toDevPath }
const https: RewriteSetCookieContext = { devSecure: true, toDevPath: route.toDevPath }

describe('rewriteSetCookie', () => {
  it.each([
    // Domain: always dropped, any case, with or without a value.
    ['sid=1; Domain=staging.example.com', 'sid=1'],
    ['sid=1; domain=.example.com; HttpOnly', 'sid=1; HttpOnly'],
    ['sid=1;DOMAIN=example.com;HttpOnly', 'sid=1;HttpOnly'],
    ['sid=1; Domain', 'sid=1'],
    ['sid=1; Domain=a; Domain=b', 'sid=1'],
    // Path: mapped back through the route.
    ['sid=1; Path=/v1', 'sid=1; Path=/api'],
    ['sid=1; path=/v1/', 'sid=1; Path=/api/'],
    ['sid=1; Path=/v1/auth; HttpOnly', 'sid=1; Path=/api/auth; HttpOnly'],
    ['sid=1;Path = /v1/auth', 'sid=1; Path=/api/auth'],
    // Path the route cannot map: kept (never wider than the dev origin).
    ['sid=1; Path=/', 'sid=1; Path=/'],
    ['sid=1; Path=/other', 'sid=1; Path=/other'],
    ['sid=1; Path=/v10', 'sid=1; Path=/v10'],
    // Path not starting with "/": the browser uses the request's default path; kept.
    ['sid=1; Path=v1', 'sid=1; Path=v1'],
    ['sid=1; Path=', 'sid=1; Path='],
    ['sid=1; Path', 'sid=1; Path'],
    // Untouched attributes, order and spelling kept.
    [
      'sid=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=60; HttpOnly; Priority=High; X-Unknown=1',
      'sid=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Max-Age=60; HttpOnly; Priority=High; X-Unknown=1',
    ],
    ['sid=1; HttpOnly; Domain=x; Max-Age=0', 'sid=1; HttpOnly; Max-Age=0'],
    ['sid=a=b=c; Domain=x', 'sid=a=b=c'],
  ])('in both modes: %s → %s', (input, expected) => {
    expect(rewriteSetCookie(input, http)).toBe(expected)
    expect(rewriteSetCookie(input, https)).toBe(expected)
  })

  it.each([
    // Secure dropped on plain http, with any case or a (meaningless) value.
    ['sid=1; Secure', 'sid=1'],
    ['sid=1; secure; HttpOnly', 'sid=1; HttpOnly'],
    ['sid=1; Secure=yes', 'sid=1'],
    // SameSite=None requires Secure: lowered to Lax. Other values untouched.
    ['sid=1; Secure; SameSite=None', 'sid=1; SameSite=Lax'],
    ['sid=1; samesite=none', 'sid=1; SameSite=Lax'],
    ['sid=1; SameSite = NONE ', 'sid=1; SameSite=Lax'],
    ['sid=1; Secure; SameSite=Strict', 'sid=1; SameSite=Strict'],
    ['sid=1; SameSite=Lax', 'sid=1; SameSite=Lax'],
    // Partitioned (CHIPS) requires Secure: dropped with it.
    ['sid=1; Secure; Partitioned; SameSite=None', 'sid=1; SameSite=Lax'],
    // Prefixed names: marked so the browser accepts them; __Host- keeps Path=/.
    ['__Secure-sid=1; Secure; Path=/v1', 'sameorigin-__Secure-sid=1; Path=/api'],
    ['__Host-sid=1; Secure; Path=/', 'sameorigin-__Host-sid=1; Path=/'],
    ['__host-sid=1; Secure; Path=/', 'sameorigin-__host-sid=1; Path=/'],
    ['__SECURE-sid=1; Secure', 'sameorigin-__SECURE-sid=1'],
    ['__Http-sid=1; Secure; HttpOnly', 'sameorigin-__Http-sid=1; HttpOnly'],
    ['__Host-Http-sid=1; Secure; HttpOnly; Path=/', 'sameorigin-__Host-Http-sid=1; HttpOnly; Path=/'],
    ['  __Host-sid=1; Secure; Path=/', 'sameorigin-__Host-sid=1; Path=/'],
    ['_Host-sid=1; Secure', '_Host-sid=1'],
    ['__Hostile=1; Secure', '__Hostile=1'],
    // A nameless cookie (no "="): the browser decides; only attributes are rewritten.
    ['__Host-sid; Secure', '__Host-sid'],
    // Malformed but harmless: minimally fixed, never thrown on.
    ['', ''],
    [';;', ';;'],
    ['sid=1;; Secure;', 'sid=1;;'],
    ['=; Secure', '='],
  ])('on a plain-http dev server: %s → %s', (input, expected) => {
    expect(rewriteSetCookie(input, http)).toBe(expected)
  })

  it.each([
    ['sid=1; Secure', 'sid=1; Secure'],
    ['sid=1; Secure; SameSite=None; Partitioned', 'sid=1; Secure; SameSite=None; Partitioned'],
    ['__Host-sid=1; Secure; Path=/; Domain=staging.example.com', '__Host-sid=1; Secure; Path=/'],
    ['__Secure-sid=1; Secure; Path=/v1', '__Secure-sid=1; Secure; Path=/api'],
  ])('on an https dev server: %s → %s', (input, expected) => {
    expect(rewriteSetCookie(input, https)).toBe(expected)
  })

  it('returns the same string when nothing changes', () => {
    const value = 'sid=1;  HttpOnly ;Max-Age=3'
    expect(rewriteSetCookie(value, http)).toBe(value)
  })

  it.each<[string, (path: string) => string | undefined, string]>([
    [
      'throws',
      () => {
        throw new Error('bug')
      },
      'sid=1; Path=/v1',
    ],
    ['answers a path with ";"', () => '/api;Domain=evil.example', 'sid=1; Path=/v1'],
    ['answers a relative path', () => 'api', 'sid=1; Path=/v1'],
    ['answers undefined', () => undefined, 'sid=1; Path=/v1'],
  ])('keeps Path when toDevPath %s', (_title, toDevPath, expected) => {
    expect(rewriteSetCookie('sid=1; Path=/v1', { devSecure: true, toDevPath })).toBe(expected)
  })

  it.each<[string, string, RouteFixtureOptions, string, string]>([
    [
      '/users/:id',
      `${STAGING}/v2`,
      { rewrite: '/people/:id' },
      'a=1; Path=/v2/people/42',
      'a=1; Path=/users/42',
    ],
    ['/files/:path*', `${STAGING}/s`, { rewrite: '/blobs/:path*' }, 'a=1; Path=/s/blobs', 'a=1; Path=/files'],
    ['/api', `${STAGING}/v1`, { rewrite: (p: string) => p.slice(4) }, 'a=1; Path=/v1/x', 'a=1; Path=/v1/x'],
  ])('maps Path through the real route %s → %s %o: %s → %s', (path, target, options, input, expected) => {
    const real = createRoute(path, target, options)
    expect(rewriteSetCookie(input, { devSecure: true, toDevPath: real.toDevPath })).toBe(expected)
  })

  it('maps Path through a route without a base path', () => {
    const plain = createRoute('/api', 'http://127.0.0.1:8080')
    const context = { devSecure: false, toDevPath: plain.toDevPath }
    expect(rewriteSetCookie('a=1; Path=/api/v2', context)).toBe('a=1; Path=/api/v2')
    expect(rewriteSetCookie('a=1; Path=/', context)).toBe('a=1; Path=/')
  })
})
