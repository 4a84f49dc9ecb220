import { describe, expect, it } from 'vitest'
import { toClientHeaders } from '../../src/rewrite/index.ts'
import type { DevOrigin, ReadonlyHeaderRecord } from '../../src/rewrite/index.ts'
import { createMatch, createRoute, DEV, DEV_HTTPS, STAGING } from './_fixtures.ts'
import type { RouteFixtureOptions } from './_fixtures.ts'

type Options = RouteFixtureOptions

function run(upstream: ReadonlyHeaderRecord, options: Options = {}, status = 200, dev: DevOrigin = DEV) {
  const match = createMatch(createRoute('/api', `${STAGING}/v1`, options), '/api/session')
  return toClientHeaders(upstream, { match, dev, status })
}

describe('toClientHeaders', () => {
  it('rewrites a login response with every default', () => {
    expect(
      run(
        {
          'content-type': 'text/html',
          'content-length': '0',
          connection: 'keep-alive',
          'keep-alive': 'timeout=5',
          location: `${STAGING}/v1/home`,
          'set-cookie': ['sid=1; Domain=staging.example.com; Path=/v1; Secure; HttpOnly; SameSite=None'],
          vary: 'Origin',
          'cache-control': 'no-store',
        },
        {},
        302,
      ),
    ).toEqual({
      'content-type': 'text/html',
      'content-length': '0',
      location: '/api/home',
      'set-cookie': ['sid=1; Path=/api; HttpOnly; SameSite=Lax'],
      vary: 'Origin',
      'cache-control': 'no-store',
    })
  })

  it('never mutates its input', () => {
    const cookies = Object.freeze(['sid=1; Domain=x'])
    const input = Object.freeze({ 'set-cookie': cookies, location: `${STAGING}/v1/a` })
    run(input)
    expect(input).toEqual({ 'set-cookie': ['sid=1; Domain=x'], location: `${STAGING}/v1/a` })
  })

  it.each<[string, ReadonlyHeaderRecord, number, ReadonlyHeaderRecord]>([
    [
      'Transfer-Encoding (Node frames again), keeping Content-Length',
      { 'transfer-encoding': 'chunked', 'x-a': '1' },
      200,
      {
        'x-a': '1',
      },
    ],
    [
      'Content-Length beside Transfer-Encoding',
      { 'transfer-encoding': 'chunked', 'content-length': '9' },
      200,
      {},
    ],
    [
      'Connection-listed names',
      { connection: 'close, x-hop', 'x-hop': '1', 'content-length': '3' },
      200,
      {
        'content-length': '3',
      },
    ],
    ['the upgrade pair of a non-101', { connection: 'upgrade', upgrade: 'h2c' }, 200, {}],
    [
      'nothing of a 101 handshake answer',
      {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-accept': 'x',
      },
      101,
      { connection: 'upgrade', upgrade: 'websocket', 'sec-websocket-accept': 'x' },
    ],
    [
      'HSTS and Alt-Svc of the target',
      {
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'alt-svc': 'h3=":443"',
        etag: '"1"',
      },
      200,
      { etag: '"1"' },
    ],
    [
      'nothing else',
      {
        vary: 'Accept-Encoding',
        'content-encoding': 'br',
        'access-control-allow-origin': STAGING,
        'www-authenticate': 'Bearer',
        link: `<${STAGING}/v1/next>; rel=next`,
      },
      200,
      {
        vary: 'Accept-Encoding',
        'content-encoding': 'br',
        'access-control-allow-origin': STAGING,
        'www-authenticate': 'Bearer',
        link: `<${STAGING}/v1/next>; rel=next`,
      },
    ],
  ])('removes %s', (_title, input, status, expected) => {
    expect(run(input, {}, status)).toEqual(expected)
  })

  it.each<[string, ReadonlyHeaderRecord, Options, DevOrigin, ReadonlyHeaderRecord]>([
    [
      'each Set-Cookie of an array',
      { 'set-cookie': ['a=1; Domain=x', 'b=2; Path=/v1/b', 'c=3'] },
      {},
      DEV,
      {
        'set-cookie': ['a=1', 'b=2; Path=/api/b', 'c=3'],
      },
    ],
    [
      'a single Set-Cookie string as one cookie',
      { 'set-cookie': 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure' },
      {},
      DEV,
      {
        'set-cookie': 'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT',
      },
    ],
    [
      'Secure kept on an https dev server',
      { 'set-cookie': ['__Host-a=1; Secure; Path=/; Domain=s'] },
      {},
      DEV_HTTPS,
      {
        'set-cookie': ['__Host-a=1; Secure; Path=/'],
      },
    ],
    [
      'prefixed names marked on plain http',
      { 'set-cookie': ['__Host-a=1; Secure; Path=/'] },
      {},
      DEV,
      {
        'set-cookie': ['sameorigin-__Host-a=1; Path=/'],
      },
    ],
    [
      'nothing with cookies off',
      { 'set-cookie': ['a=1; Domain=x; Secure'] },
      { cookies: false },
      DEV,
      {
        'set-cookie': ['a=1; Domain=x; Secure'],
      },
    ],
  ])('Set-Cookie: %s', (_title, input, options, dev, expected) => {
    expect(run(input, options, 200, dev)).toEqual(expected)
  })

  it.each<[string, ReadonlyHeaderRecord, Options, ReadonlyHeaderRecord]>([
    ['Location on the target', { location: `${STAGING}/v1/a?b#c` }, {}, { location: '/api/a?b#c' }],
    ['a relative Location, against the upstream URL', { location: 'next' }, {}, { location: '/api/next' }],
    [
      'a Location elsewhere untouched',
      { location: 'https://sso.example.com/login' },
      {},
      {
        location: 'https://sso.example.com/login',
      },
    ],
    [
      'Content-Location',
      { 'content-location': `${STAGING}/v1/doc.json` },
      {},
      { 'content-location': '/api/doc.json' },
    ],
    ['Refresh', { refresh: `3; url=${STAGING}/v1/done` }, {}, { refresh: '3; url=/api/done' }],
    [
      'repeated values',
      { refresh: ['0; url=/v1/a', '1; url=/v1/b'] },
      {},
      { refresh: ['0; url=/api/a', '1; url=/api/b'] },
    ],
    [
      'nothing with redirects off',
      { location: `${STAGING}/v1/a`, refresh: '0; url=/v1/a' },
      { redirects: false },
      {
        location: `${STAGING}/v1/a`,
        refresh: '0; url=/v1/a',
      },
    ],
  ])('redirects: %s', (_title, input, options, expected) => {
    expect(run(input, options)).toEqual(expected)
  })

  it.each<[string, ReadonlyHeaderRecord, Options, ReadonlyHeaderRecord]>([
    ['sets a header', {}, { responseHeaders: { 'x-dev': '1' } }, { 'x-dev': '1' }],
    [
      'removes a header',
      { 'content-security-policy': "default-src 'self'" },
      {
        responseHeaders: { 'content-security-policy': null },
      },
      {},
    ],
    [
      'sets back a removed one',
      { 'alt-svc': 'h3' },
      { responseHeaders: { 'alt-svc': 'clear' } },
      { 'alt-svc': 'clear' },
    ],
    [
      'wins over the rewrite',
      { location: `${STAGING}/v1/a` },
      { responseHeaders: { location: '/fixed' } },
      {
        location: '/fixed',
      },
    ],
  ])('route.responseHeaders %s', (_title, input, options, expected) => {
    expect(run(input, options)).toEqual(expected)
  })
})
