import { describe, expect, it } from 'vitest'
import { explainChanges } from '../../src/inspect/index.ts'
import type { ExchangeRecord } from '../../src/inspect/index.ts'
import { groupHeaders } from '../../src/inspect/group-headers.ts'
import { recordExchange, STAGING } from './_exchange.ts'
import type { ExchangeCase } from './_exchange.ts'

/** Each change as `rule: explanation`. */
function explain(input: ExchangeCase): string[] {
  return explainChanges(recordExchange(input)).map((change) => `${change.rule}: ${change.explanation}`)
}

/** Header names whose values differ between two lists: what the explanations must cover, no more. */
function differing(before: ExchangeRecord['request']['client'], after: ExchangeRecord['request']['client']) {
  const from = groupHeaders(before)
  const to = groupHeaders(after)
  return [...new Set([...from.keys(), ...to.keys()])]
    .filter((name) => from.get(name)?.join('\n') !== to.get(name)?.join('\n'))
    .toSorted()
}

const LOGIN: ExchangeCase = {
  method: 'POST',
  url: '/api/login',
  headers: {
    connection: 'keep-alive',
    'keep-alive': 'timeout=5',
    origin: 'http://localhost:5173',
    referer: 'http://localhost:5173/login?next=/home',
    'content-type': 'application/json',
    'content-length': '2',
  },
  status: 302,
  upstream: {
    location: `${STAGING}/v1/home`,
    'set-cookie': ['sid=s3cret; Domain=staging.example.com; Path=/v1; Secure; HttpOnly; SameSite=None'],
    'strict-transport-security': 'max-age=31536000',
    'transfer-encoding': 'chunked',
    connection: 'keep-alive',
  },
}

describe('explainChanges, against what the real rewrites did', () => {
  it.each<[string, ExchangeCase, string[]]>([
    [
      'a login on plain http with every default',
      LOGIN,
      [
        "host: Host localhost:5173 → staging.example.com: set to the target's (changeOrigin)",
        "hop-by-hop: Connection removed: hop-by-hop, it describes the browser's connection to the dev server, not the request",
        "hop-by-hop: Keep-Alive removed: hop-by-hop, it describes the browser's connection to the dev server, not the request",
        'origin: Origin http://localhost:5173 → https://staging.example.com: rewritten to the target, so an Origin check passes (rewriteOrigin)',
        "origin: Referer http://localhost:5173/login?next=/home → https://staging.example.com/login?next=/home: put on the target's origin, its path kept (rewriteOrigin)",
        "forwarded: X-Forwarded-For: 127.0.0.1 added: the browser's address (xfwd)",
        'forwarded: X-Forwarded-Proto: http added: how the browser reached the dev server (xfwd)',
        'forwarded: X-Forwarded-Host: localhost:5173 added: the Host the browser sent (xfwd)',
        "forwarded: X-Forwarded-Port: 5173 added: the dev server's port (xfwd)",
        'redirect: Location https://staging.example.com/v1/home → /api/home: points at the dev server instead of the target (redirects)',
        'target-only: Strict-Transport-Security removed: from the target it would pin every port of localhost to https for months',
        'hop-by-hop: Transfer-Encoding removed: hop-by-hop, the dev server frames the body to the browser itself',
        "hop-by-hop: Connection removed: hop-by-hop, it describes the upstream's connection, not the answer",
        'set-cookie: Set-Cookie sid: Domain=staging.example.com removed: the browser would reject it on localhost; the cookie is kept for localhost only (cookies)',
        'set-cookie: Set-Cookie sid: Path=/v1 rewritten to /api: the dev path that forwards to it (cookies)',
        'set-cookie: Set-Cookie sid: Secure removed: the dev server is plain http, where Safari (even on localhost) and every browser on another host name ignore Secure cookies (cookies)',
        'set-cookie: Set-Cookie sid: SameSite=None lowered to SameSite=Lax: browsers refuse SameSite=None without Secure (cookies)',
      ],
    ],
    [
      'the same login on https: Secure and SameSite=None stay',
      {
        ...LOGIN,
        encrypted: true,
        headers: { ...LOGIN.headers, origin: 'https://localhost:5173', referer: undefined },
      },
      [
        "host: Host localhost:5173 → staging.example.com: set to the target's (changeOrigin)",
        "hop-by-hop: Connection removed: hop-by-hop, it describes the browser's connection to the dev server, not the request",
        "hop-by-hop: Keep-Alive removed: hop-by-hop, it describes the browser's connection to the dev server, not the request",
        'origin: Origin https://localhost:5173 → https://staging.example.com: rewritten to the target, so an Origin check passes (rewriteOrigin)',
        "forwarded: X-Forwarded-For: 127.0.0.1 added: the browser's address (xfwd)",
        'forwarded: X-Forwarded-Proto: https added: how the browser reached the dev server (xfwd)',
        'forwarded: X-Forwarded-Host: localhost:5173 added: the Host the browser sent (xfwd)',
        "forwarded: X-Forwarded-Port: 5173 added: the dev server's port (xfwd)",
        'redirect: Location https://staging.example.com/v1/home → /api/home: points at the dev server instead of the target (redirects)',
        'target-only: Strict-Transport-Security removed: from the target it would pin every port of localhost to https for months',
        'hop-by-hop: Transfer-Encoding removed: hop-by-hop, the dev server frames the body to the browser itself',
        "hop-by-hop: Connection removed: hop-by-hop, it describes the upstream's connection, not the answer",
        'set-cookie: Set-Cookie sid: Domain=staging.example.com removed: the browser would reject it on localhost; the cookie is kept for localhost only (cookies)',
        'set-cookie: Set-Cookie sid: Path=/v1 rewritten to /api: the dev path that forwards to it (cookies)',
      ],
    ],
    [
      'every request option off: nothing but hop-by-hop and framing',
      {
        method: 'DELETE',
        headers: {
          connection: 'close, x-trace',
          'x-trace': '1',
          origin: 'http://localhost:5173',
          'proxy-authorization': 'Basic eA==',
        },
        route: { changeOrigin: false, xfwd: false, rewriteOrigin: false, cookies: false, redirects: false },
        upstream: { 'set-cookie': 'a=1; Domain=staging.example.com', location: `${STAGING}/v1/x` },
      },
      [
        "hop-by-hop: Connection removed: hop-by-hop, it describes the browser's connection to the dev server, not the request",
        "hop-by-hop: X-Trace removed: hop-by-hop, it describes the browser's connection to the dev server, not the request",
        'hop-by-hop: Proxy-Authorization removed: credentials for the proxy, never for the backend',
        'framing: Content-Length: 0 added: a request without a body declares its length (GET and HEAD excepted)',
      ],
    ],
    [
      'forwarding headers a page sent are replaced, Forwarded removed',
      {
        headers: {
          'x-forwarded-for': '6.6.6.6',
          'x-forwarded-host': 'evil.example',
          forwarded: 'for=6.6.6.6',
        },
      },
      [
        "host: Host localhost:5173 → staging.example.com: set to the target's (changeOrigin)",
        "forwarded: X-Forwarded-For 6.6.6.6 → 127.0.0.1: the browser's address, replacing what the client sent (xfwd)",
        'forwarded: X-Forwarded-Host evil.example → localhost:5173: the Host the browser sent, replacing what the client sent (xfwd)',
        'forwarded: Forwarded removed: X-Forwarded-* tell the backend where the request came from; a client-sent Forwarded would be a second, forged story (xfwd)',
        'forwarded: X-Forwarded-Proto: http added: how the browser reached the dev server (xfwd)',
        "forwarded: X-Forwarded-Port: 5173 added: the dev server's port (xfwd)",
      ],
    ],
    [
      "a route's headers and responseHeaders",
      {
        headers: { 'x-debug': '1' },
        route: {
          changeOrigin: false,
          xfwd: false,
          headers: { 'x-env': 'dev', 'x-debug': null },
          responseHeaders: { 'x-frame-options': null, 'cache-control': 'no-store' },
        },
        upstream: { 'x-frame-options': 'DENY', 'cache-control': 'max-age=60' },
      },
      [
        "route-headers: X-Debug removed: removed by the route's headers (null)",
        "route-headers: X-Env: dev added: set by the route's headers",
        "route-response-headers: X-Frame-Options removed: removed by the route's responseHeaders (null)",
        "route-response-headers: Cache-Control max-age=60 → no-store: set by the route's responseHeaders",
      ],
    ],
    [
      'a __Host- cookie on plain http: marked for the browser, restored for the backend',
      {
        route: { changeOrigin: false, xfwd: false },
        headers: { cookie: 'sameorigin-__Host-sid=1; theme=dark' },
        upstream: {
          'set-cookie': ['__Host-sid=2; Path=/; Secure; Partitioned; SameSite=None', 'theme=dark; Path=/'],
        },
      },
      [
        'cookie-name: Cookie sameorigin-__Host-sid sent as __Host-sid: the name the backend set; the proxy marked it for plain http',
        'set-cookie: Set-Cookie __Host-sid renamed sameorigin-__Host-sid: browsers refuse the __Host- prefix without Secure on plain http; the backend gets __Host-sid back',
        'set-cookie: Set-Cookie __Host-sid: Secure removed: the dev server is plain http, where Safari (even on localhost) and every browser on another host name ignore Secure cookies (cookies)',
        'set-cookie: Set-Cookie __Host-sid: Partitioned removed: it requires Secure, which plain http cannot keep (cookies)',
        'set-cookie: Set-Cookie __Host-sid: SameSite=None lowered to SameSite=Lax: browsers refuse SameSite=None without Secure (cookies)',
      ],
    ],
    [
      'Refresh and Content-Location pointing at the target',
      {
        route: { changeOrigin: false, xfwd: false },
        upstream: { refresh: `0; url=${STAGING}/v1/done`, 'content-location': `${STAGING}/v1/session/1` },
      },
      [
        'redirect: Refresh 0; url=https://staging.example.com/v1/done → 0; url=/api/done: points at the dev server instead of the target (redirects)',
        'redirect: Content-Location https://staging.example.com/v1/session/1 → /api/session/1: points at the dev server instead of the target (redirects)',
      ],
    ],
    [
      'an HTTP/2 request: Host from :authority',
      {
        route: { changeOrigin: false, xfwd: false },
        headers: { host: undefined, ':authority': 'localhost:5173' },
      },
      ['host: Host: localhost:5173 added: from the HTTP/2 :authority'],
    ],
    [
      "CORS mode: the backend's CORS headers replaced by the proxy's",
      {
        route: { changeOrigin: false, xfwd: false },
        headers: { origin: 'http://localhost:6006' },
        options: { cors: { origins: ['http://localhost:6006'], credentials: true } },
        upstream: { 'access-control-allow-origin': '*', 'x-request-id': '7', vary: 'Accept-Encoding' },
      },
      [
        'origin: Origin http://localhost:6006 → https://staging.example.com: rewritten to the target, so an Origin check passes (rewriteOrigin)',
        'cors: Access-Control-Allow-Origin * → http://localhost:6006: CORS mode lets this page read the answer',
        "cors: Vary Accept-Encoding → Accept-Encoding, Origin: the answer depends on the page's Origin (CORS mode)",
        'cors: Access-Control-Allow-Credentials: true added: CORS mode with credentials: the page may send and receive cookies',
        'cors: Access-Control-Expose-Headers: x-request-id added: CORS mode lets the page read every header',
      ],
    ],
    [
      "a mock's answer",
      {
        route: { changeOrigin: false, xfwd: false },
        mock: 'api/session/GET.json',
        upstream: { 'content-type': 'application/json' },
        responseBody: new TextEncoder().encode('{"ok":true}'),
      },
      [
        "mock: Content-Length: 11 added: the length of the mock's body",
        "mock: X-Sameorigin-Mock: api/session/GET.json added: the route's mock answered, not the backend",
      ],
    ],
    [
      'a chunked upload: framed chunked upstream, its connection closed after',
      {
        method: 'POST',
        route: { changeOrigin: false, xfwd: false },
        headers: { 'transfer-encoding': 'chunked', connection: 'keep-alive' },
        upstream: { 'transfer-encoding': 'chunked', 'content-length': '5' },
      },
      [
        "framing: Connection keep-alive → close: a chunked body's connection is never reused",
        'hop-by-hop: Transfer-Encoding removed: hop-by-hop, the dev server frames the body to the browser itself',
        'hop-by-hop: Content-Length removed: it came beside Transfer-Encoding, which a proxy must not pass on together (RFC 9112 §6.3)',
      ],
    ],
    [
      'a WebSocket handshake: the upgrade pair kept',
      {
        upgrade: true,
        route: { changeOrigin: false, xfwd: false },
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-key': 'k',
          'sec-websocket-version': '13',
        },
        status: 101,
        upstream: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-accept': 'a' },
      },
      [
        'hop-by-hop: Connection Upgrade → upgrade: kept for the upgrade handshake, as the upgrade pair only',
        'hop-by-hop: Connection Upgrade → upgrade: kept for the upgrade handshake, as the upgrade pair only',
      ],
    ],
    [
      'a GET that declared an empty body: no framing field upstream',
      { route: { changeOrigin: false, xfwd: false }, headers: { 'content-length': '0' } },
      ['framing: Content-Length removed: a GET or HEAD without a body declares no length'],
    ],
    [
      "a mock's 204: no length",
      {
        route: { changeOrigin: false, xfwd: false },
        mock: 'handler',
        status: 204,
        upstream: { 'content-length': '0' },
      },
      [
        'mock: Content-Length removed: a mock answer is framed by its own body (a stream, or none)',
        "mock: X-Sameorigin-Mock: handler added: the route's mock answered, not the backend",
      ],
    ],
    [
      "Set-Cookie removed by the route's responseHeaders",
      {
        route: { changeOrigin: false, xfwd: false, responseHeaders: { 'set-cookie': null } },
        upstream: { 'set-cookie': ['a=1; Domain=staging.example.com', 'b=2'] },
      },
      ["route-response-headers: Set-Cookie removed by the route's responseHeaders (null)"],
    ],
    [
      'a Domain the dev host matches: removed all the same',
      {
        route: { changeOrigin: false, xfwd: false },
        upstream: { 'set-cookie': 'a=1; Domain=.localhost; HttpOnly' },
      },
      [
        'set-cookie: Set-Cookie a: Domain=.localhost removed: the proxy keeps every cookie host-only, for localhost alone (cookies)',
      ],
    ],
  ])('%s', (_title, input, expected) => {
    expect(explain(input)).toEqual(expected)
    // Every difference is explained, and nothing else is.
    const record = recordExchange(input)
    const changes = explainChanges(record)
    const names = (direction: string) =>
      [
        ...new Set(changes.filter((change) => change.direction === direction).map((change) => change.name)),
      ].toSorted()
    expect(names('request')).toEqual(differing(record.request.client, record.request.upstream ?? []))
    expect(names('response')).toEqual(differing(record.response.upstream ?? [], record.response.client ?? []))
  })
})
