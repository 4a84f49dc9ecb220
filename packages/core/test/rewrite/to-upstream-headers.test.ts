import { describe, expect, it } from 'vitest'
import { toUpstreamHeaders } from '../../src/rewrite/index.ts'
import type { ReadonlyHeaderRecord, ToUpstreamHeadersContext } from '../../src/rewrite/index.ts'
import type { CorsPolicy } from '../../src/rewrite/cors.ts'
import type { RouteOptions } from '../../src/types.ts'
import { createMatch, createRoute, DEV, DEV_HTTPS, STAGING } from './_fixtures.ts'
import type { RouteFixtureOptions } from './_fixtures.ts'

type Options = RouteFixtureOptions

function contextFor(
  options: Options = {},
  extra: Partial<ToUpstreamHeadersContext> = {},
): ToUpstreamHeadersContext {
  const match = createMatch(createRoute('/api', `${STAGING}/v1`, options), '/api/users?page=2')
  return { match, dev: DEV, clientAddress: '127.0.0.1', body: { kind: 'none' }, method: 'GET', ...extra }
}

const BROWSER: ReadonlyHeaderRecord = {
  host: 'localhost:5173',
  connection: 'keep-alive',
  accept: 'application/json',
  'accept-encoding': 'gzip, br',
  origin: 'http://localhost:5173',
  referer: 'http://localhost:5173/dashboard?tab=1',
  cookie: 'sid=1',
}

describe('toUpstreamHeaders', () => {
  it('forwards a browser request with every default', () => {
    expect(toUpstreamHeaders(BROWSER, contextFor())).toEqual({
      host: 'staging.example.com',
      accept: 'application/json',
      'accept-encoding': 'gzip, br',
      origin: STAGING,
      referer: `${STAGING}/dashboard?tab=1`,
      cookie: 'sid=1',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'localhost:5173',
      'x-forwarded-port': '5173',
    })
  })

  it.each<[string, string, ToUpstreamHeadersContext['body'], Record<string, string>]>([
    ['no body on a GET: no framing field', 'GET', { kind: 'none' }, {}],
    ['no body on a HEAD: no framing field', 'HEAD', { kind: 'none' }, {}],
    ['no body on a DELETE: Content-Length: 0', 'DELETE', { kind: 'none' }, { 'content-length': '0' }],
    ['a declared length', 'DELETE', { kind: 'length', length: 42 }, { 'content-length': '42' }],
    [
      'a stream: chunked, on a connection closed after it',
      'OPTIONS',
      { kind: 'stream' },
      { 'transfer-encoding': 'chunked', connection: 'close' },
    ],
  ])(
    'frames the body from what arrived, not from the client fields: %s',
    (_title, method, body, expected) => {
      // The client's own fields lie on purpose: only `body` decides.
      const incoming = {
        ...BROWSER,
        'content-length': '7',
        'transfer-encoding': 'chunked',
        connection: 'keep-alive, content-length',
      }
      const headers = toUpstreamHeaders(incoming, contextFor({}, { body, method }))
      const framing = {
        'content-length': headers['content-length'],
        'transfer-encoding': headers['transfer-encoding'],
        connection: headers.connection,
      }
      expect(JSON.parse(JSON.stringify(framing))).toEqual(expected)
    },
  )

  it('never mutates its input', () => {
    const input = structuredClone(BROWSER)
    toUpstreamHeaders(Object.freeze(input), contextFor())
    expect(input).toEqual(BROWSER)
  })

  it.each<[string, ReadonlyHeaderRecord, Options, string | undefined]>([
    ['the target host with changeOrigin', { host: 'localhost:5173' }, {}, 'staging.example.com'],
    [
      'the browser host without changeOrigin',
      { host: 'localhost:5173' },
      { changeOrigin: false },
      'localhost:5173',
    ],
    [
      'the h2 :authority without changeOrigin',
      { ':authority': 'localhost:5173' },
      { changeOrigin: false },
      'localhost:5173',
    ],
    ['no host without changeOrigin and none sent', {}, { changeOrigin: false }, undefined],
    [
      'route.headers over changeOrigin',
      { host: 'localhost:5173' },
      { headers: { host: 'api.internal' } },
      'api.internal',
    ],
  ])('Host: %s', (_title, input, options, expected) => {
    expect(toUpstreamHeaders(input, contextFor(options)).host).toBe(expected)
  })

  it.each<
    [string, ReadonlyHeaderRecord, Partial<ToUpstreamHeadersContext>, Record<string, string | undefined>]
  >([
    [
      'set on a plain request',
      {},
      {},
      { for: '127.0.0.1', proto: 'http', host: 'localhost:5173', port: '5173' },
    ],
    [
      'replacing spoofed values',
      {
        'x-forwarded-for': '6.6.6.6',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil',
        'x-forwarded-port': '1',
      },
      {},
      { for: '127.0.0.1', proto: 'http', host: 'localhost:5173', port: '5173' },
    ],
    [
      'removing a spoofed For without a client address',
      { 'x-forwarded-for': '6.6.6.6' },
      { clientAddress: undefined },
      {
        for: undefined,
        proto: 'http',
        host: 'localhost:5173',
        port: '5173',
      },
    ],
    [
      'with an https dev origin',
      {},
      { dev: DEV_HTTPS, clientAddress: '::1' },
      {
        for: '::1',
        proto: 'https',
        host: 'localhost:5173',
        port: '5173',
      },
    ],
    [
      'with default ports',
      {},
      { dev: { ...DEV, host: 'app.test', hostname: 'app.test', port: 80, origin: 'http://app.test' } },
      {
        for: '127.0.0.1',
        proto: 'http',
        host: 'app.test',
        port: '80',
      },
    ],
  ])('X-Forwarded-*: %s', (_title, input, extra, expected) => {
    const headers = toUpstreamHeaders(input, contextFor({}, extra))
    expect({
      for: headers['x-forwarded-for'],
      proto: headers['x-forwarded-proto'],
      host: headers['x-forwarded-host'],
      port: headers['x-forwarded-port'],
    }).toEqual(expected)
  })

  it.each<[string, Options, ReadonlyHeaderRecord, Record<string, string | undefined>]>([
    [
      'removes a client Forwarded with xfwd',
      {},
      { forwarded: 'for=6.6.6.6;host=evil' },
      {
        forwarded: undefined,
        'x-forwarded-for': '127.0.0.1',
        'x-forwarded-proto': 'http',
      },
    ],
    [
      'passes client values untouched without xfwd',
      { xfwd: false },
      { forwarded: 'for=1.2.3.4', 'x-forwarded-for': '1.2.3.4', 'x-forwarded-proto': 'https' },
      { forwarded: 'for=1.2.3.4', 'x-forwarded-for': '1.2.3.4', 'x-forwarded-proto': 'https' },
    ],
    [
      'adds nothing without xfwd',
      { xfwd: false },
      {},
      {
        forwarded: undefined,
        'x-forwarded-for': undefined,
        'x-forwarded-proto': undefined,
      },
    ],
  ])('forwarding headers: %s', (_title, options, input, expected) => {
    const headers = toUpstreamHeaders(input, contextFor(options))
    expect({
      forwarded: headers.forwarded,
      'x-forwarded-for': headers['x-forwarded-for'],
      'x-forwarded-proto': headers['x-forwarded-proto'],
    }).toEqual(expected)
  })

  it.each<[string, Partial<RouteOptions>, ReadonlyHeaderRecord, ReadonlyHeaderRecord]>([
    ['the dev Origin', {}, { origin: 'http://localhost:5173' }, { origin: STAGING }],
    ['another Origin', {}, { origin: 'http://localhost:3000' }, { origin: 'http://localhost:3000' }],
    ['Origin: null', {}, { origin: 'null' }, { origin: 'null' }],
    [
      'a dev Origin on another scheme',
      {},
      { origin: 'https://localhost:5173' },
      { origin: 'https://localhost:5173' },
    ],
    [
      'the dev Origin with rewriteOrigin off',
      { rewriteOrigin: false },
      { origin: 'http://localhost:5173' },
      {
        origin: 'http://localhost:5173',
      },
    ],
    [
      'a dev Referer',
      {},
      { referer: 'http://localhost:5173/a/b?c=1#d' },
      { referer: `${STAGING}/a/b?c=1#d` },
    ],
    ['a dev Referer that is only the origin', {}, { referer: 'http://localhost:5173' }, { referer: STAGING }],
    [
      'a dev Referer with a query only',
      {},
      { referer: 'http://localhost:5173?x' },
      { referer: `${STAGING}?x` },
    ],
    [
      'a Referer on a longer port',
      {},
      { referer: 'http://localhost:51730/x' },
      { referer: 'http://localhost:51730/x' },
    ],
    [
      'a Referer on a longer host',
      {},
      { referer: 'http://localhost:5173.evil/x' },
      {
        referer: 'http://localhost:5173.evil/x',
      },
    ],
    ['a foreign Referer', {}, { referer: 'https://google.com/' }, { referer: 'https://google.com/' }],
    [
      'a dev Referer with rewriteOrigin off',
      { rewriteOrigin: false },
      { referer: 'http://localhost:5173/x' },
      {
        referer: 'http://localhost:5173/x',
      },
    ],
  ])('Origin/Referer: %s', (_title, options, input, expected) => {
    const headers = toUpstreamHeaders(input, contextFor({ ...options, xfwd: false, changeOrigin: false }))
    expect(headers).toEqual(expected)
  })

  const STORYBOOK = 'http://localhost:6006'
  const LISTED: CorsPolicy = { origins: new Set([STORYBOOK]), credentials: true, maxAge: 600 }
  const ANY: CorsPolicy = { origins: '*', credentials: false, maxAge: 600 }
  it.each<[string, CorsPolicy, Partial<RouteOptions>, ReadonlyHeaderRecord, ReadonlyHeaderRecord]>([
    ['a listed Origin', LISTED, {}, { origin: STORYBOOK }, { origin: STAGING }],
    ['the dev Origin', LISTED, {}, { origin: 'http://localhost:5173' }, { origin: STAGING }],
    [
      'an unlisted Origin',
      LISTED,
      {},
      { origin: 'http://localhost:3000' },
      { origin: 'http://localhost:3000' },
    ],
    ['a listed Origin under *', ANY, {}, { origin: STORYBOOK }, { origin: STORYBOOK }],
    [
      'a listed Origin with rewriteOrigin off',
      LISTED,
      { rewriteOrigin: false },
      { origin: STORYBOOK },
      { origin: STORYBOOK },
    ],
    [
      'a Referer on a listed origin',
      LISTED,
      {},
      { referer: `${STORYBOOK}/iframe.html?id=a` },
      { referer: `${STAGING}/iframe.html?id=a` },
    ],
    [
      'a Referer on a longer port',
      LISTED,
      {},
      { referer: `${STORYBOOK}0/x` },
      { referer: `${STORYBOOK}0/x` },
    ],
    [
      'a Referer on a listed origin under *',
      ANY,
      {},
      { referer: `${STORYBOOK}/x` },
      { referer: `${STORYBOOK}/x` },
    ],
  ])('CORS mode, Origin/Referer: %s', (_title, cors, options, input, expected) => {
    const context = contextFor({ ...options, xfwd: false, changeOrigin: false }, { cors })
    expect(toUpstreamHeaders(input, context)).toEqual(expected)
  })

  it.each<[string, ReadonlyHeaderRecord, ReadonlyHeaderRecord]>([
    [
      'restores marked prefixed names',
      { cookie: 'a=1; sameorigin-__Host-sid=2' },
      { cookie: 'a=1; __Host-sid=2' },
    ],
    [
      'in every repeated Cookie field',
      { cookie: ['sameorigin-__Secure-a=1', 'b=2'] },
      { cookie: ['__Secure-a=1', 'b=2'] },
    ],
    ['leaves other cookies alone', { cookie: 'sameorigin-x=1' }, { cookie: 'sameorigin-x=1' }],
  ])('Cookie: %s', (_title, input, expected) => {
    expect(toUpstreamHeaders(input, contextFor({ xfwd: false, changeOrigin: false }))).toEqual(expected)
  })

  it.each<[string, Options, ReadonlyHeaderRecord, ReadonlyHeaderRecord]>([
    ['sets a header', { headers: { authorization: 'Bearer dev' } }, {}, { authorization: 'Bearer dev' }],
    [
      'replaces a browser header',
      { headers: { accept: 'text/plain' } },
      { accept: ['a', 'b'] },
      { accept: 'text/plain' },
    ],
    ['removes a header', { headers: { cookie: null } }, { cookie: 'a=1' }, {}],
    ['ignores removing an absent header', { headers: { 'x-absent': null } }, { a: 'b' }, { a: 'b' }],
    [
      'removes a header the proxy added',
      { xfwd: true, headers: { 'x-forwarded-for': null } },
      {},
      {
        'x-forwarded-proto': 'http',
        'x-forwarded-host': 'localhost:5173',
        'x-forwarded-port': '5173',
      },
    ],
  ])('route.headers %s', (_title, options, input, expected) => {
    const headers = toUpstreamHeaders(input, contextFor({ changeOrigin: false, xfwd: false, ...options }))
    expect(headers).toEqual(expected)
  })

  it.each<[string, boolean | undefined, ReadonlyHeaderRecord, ReadonlyHeaderRecord]>([
    [
      'keeps the upgrade pair for an upgrade',
      true,
      {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': 'k',
        'sec-websocket-version': '13',
      },
      {
        connection: 'upgrade',
        upgrade: 'websocket',
        'sec-websocket-key': 'k',
        'sec-websocket-version': '13',
      },
    ],
    ['drops it for a plain request', undefined, { connection: 'Upgrade', upgrade: 'websocket' }, {}],
    [
      'drops hop-by-hop fields and Connection-listed names',
      false,
      {
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'x-hop': '1',
        te: 'trailers',
        'proxy-authorization': 'Basic eA==',
        'transfer-encoding': 'chunked',
        'content-length': '10',
        'content-type': 'text/plain',
      },
      { 'content-type': 'text/plain' },
    ],
  ])('hop-by-hop: %s', (_title, upgrade, input, expected) => {
    const headers = toUpstreamHeaders(input, { ...contextFor({ xfwd: false, changeOrigin: false }), upgrade })
    expect(headers).toEqual(expected)
  })
})
