// Request smuggling (CWE-444; PortSwigger, "HTTP request smuggling"; the h2c variant: BishopFox,
// 2020). When the dev server and the backend disagree on where a request ends (two Content-Length,
// Content-Length beside Transfer-Encoding, an obfuscated or non-final `chunked`), the bytes one
// takes for a body become a second request for the other, which no route check ever saw. Node's
// strict parser refuses every ambiguous framing with 400 before the engine runs; a body that merely
// looks like a request stays a body; a pipelined request is matched on its own; and hop-by-hop
// fields that change framing or protocol (`Trailer`, `Upgrade: h2c`) never reach the backend.
// A `Trailer` header on a GET is listed on its own: copied onto the upstream request by proxies built
// on http-proxy, it makes Node throw ERR_HTTP_TRAILER_INVALID outside any handler, and the process
// dies (http-party/node-http-proxy#1647). Beyond core's three smuggling tests: every classic framing
// variant, sent raw, to both hosts, and a smuggling body on every method.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get, rawRequest } from '../src/raw-request.ts'

// A literal Host: placeholders are filled in after lengths are counted.
const SMUGGLED = 'GET /api/smuggled HTTP/1.1\r\nHost: localhost\r\n\r\n'
const post = (headers: readonly string[], body: string): string => rawRequest('POST', '/api/x', headers, body)

const ROWS: readonly HostileRow[] = [
  {
    name: 'CL.TE: Content-Length then Transfer-Encoding',
    send: post(['Content-Length: 6', 'Transfer-Encoding: chunked'], `0\r\n\r\n${SMUGGLED}`),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'TE.CL: Transfer-Encoding then Content-Length',
    send: post(
      ['Transfer-Encoding: chunked', 'Content-Length: 4'],
      `${SMUGGLED.length.toString(16)}\r\n${SMUGGLED}\r\n0\r\n\r\n`,
    ),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'two different Content-Length',
    send: post(['Content-Length: 3', 'Content-Length: 4'], 'abcd'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'two equal Content-Length',
    send: post(['Content-Length: 4', 'Content-Length: 4'], 'abcd'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Content-Length: 4, 4 (a list)',
    send: post(['Content-Length: 4, 4'], 'abcd'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Content-Length: -1',
    send: post(['Content-Length: -1'], 'abcd'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Content-Length: +4',
    send: post(['Content-Length: +4'], 'abcd'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Content-Length: 0x4',
    send: post(['Content-Length: 0x4'], 'abcd'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Transfer-Encoding: xchunked',
    send: post(['Transfer-Encoding: xchunked'], '0\r\n\r\n'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Transfer-Encoding: chunked, identity (chunked not last)',
    send: post(['Transfer-Encoding: chunked, identity'], '0\r\n\r\n'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Transfer-Encoding with a space before the colon',
    send: post(['Transfer-Encoding : chunked'], '0\r\n\r\n'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Transfer-Encoding folded onto a second line',
    send: post(['X-Pad: a', ' Transfer-Encoding: chunked'], '0\r\n\r\n'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'a chunk size that is not hex',
    send: post(['Transfer-Encoding: chunked'], 'zz\r\nhello\r\n0\r\n\r\n'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'a chunk size that overflows 64 bits',
    send: post(['Transfer-Encoding: chunked'], 'fffffffffffffffffff\r\nhello\r\n0\r\n\r\n'),
    status: 400,
    upstream: 'nothing',
  },
  // Framing that is unambiguous: one request, forwarded with one framing.
  {
    name: 'a pipelined second request climbing out of /api',
    send: `GET /api/a HTTP/1.1\r\nHost: {host}\r\n\r\n${get('/api/../../admin')}`,
    status: [200, 404],
    // `ng serve` answers the second, which no route takes, with the app's index.html (Angular's page
    // fallback after the engine let it pass).
    statusOn: { 'angular-dev': [200, 200] },
    upstream: '/a',
  },
  {
    name: 'a Trailer header on a GET (crashes http-proxy)',
    send: get('/api/x', ['Trailer: X-Checksum']),
    status: 200,
    upstream: '/x',
    seen: { trailer: null },
  },
  {
    name: 'chunked trailer fields naming Host and X-Forwarded-Host',
    send: post(
      ['Transfer-Encoding: chunked', 'Trailer: Host, X-Forwarded-Host'],
      '5\r\nhello\r\n0\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n\r\n',
    ),
    status: 200,
    upstream: '/x',
    seen: { trailer: null, 'x-forwarded-host': '{host}' },
    noTrailers: true,
  },
  {
    name: 'h2c smuggling: Upgrade: h2c on a GET',
    send: get('/api/x', [
      'Upgrade: h2c',
      'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA',
      'Connection: Upgrade, HTTP2-Settings',
    ]),
    status: 'closed',
    // Vite leaves an upgrade nobody claims open (its own behaviour): nothing is forwarded either way.
    // A Fetch host has no `upgrade` listener, so Node hands the request to the handler as a plain
    // GET: the proxy forwards it inside the route with `Upgrade` and `HTTP2-Settings` removed
    // (hop-by-hop), so the backend never switches protocol.
    // Storybook's and Angular's servers (the Vite builder's, Angular's Vite) leave it open too, told by
    // order of answers ('unanswered'): a child process's server cannot be watched.
    statusOn: {
      'vite-dev': 'open',
      'fetch-transport': 200,
      'storybook-dev': 'unanswered',
      'angular-dev': 'unanswered',
    },
    upstream: 'nothing',
    upstreamOn: { 'fetch-transport': '/x' },
    seen: { upgrade: null, 'http2-settings': null },
  },
]

// A body of any method is framed upstream. Node writes a body that no Content-Length or
// Transfer-Encoding announces raw for GET, HEAD, DELETE, OPTIONS and TRACE, so when the proxy drops
// the client's `Transfer-Encoding: chunked` as hop-by-hop, the backend reads the body as the next
// request on the pooled connection: one outside the route's base path, or a POST whose declared
// length swallows the next client's request, cookies and route credentials included. GET and HEAD
// with a body are refused (400), TRACE is never forwarded (405); the health check that follows each
// row is the "next client", so a swallowed request fails the row.
const OUTSIDE = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'
const CAPTURE = 'POST /base/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 120\r\n\r\n'
const chunk = (text: string): string => `${text.length.toString(16)}\r\n${text}\r\n0\r\n\r\n`
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const

function bodyRows(method: (typeof METHODS)[number]): HostileRow[] {
  const refused = method === 'TRACE' ? 405 : method === 'GET' || method === 'HEAD' ? 400 : undefined
  const outcome =
    refused === undefined ? { status: 200, upstream: '/base/x' } : { status: refused, upstream: 'nothing' }
  const send = (headers: readonly string[], body: string): string =>
    rawRequest(method, '/v1/x', headers, body)
  return [
    {
      name: `${method} with a chunked body holding a request outside the base path`,
      send: send(['Transfer-Encoding: chunked'], chunk(OUTSIDE)),
      ...outcome,
    },
    {
      name: `${method} with a Content-Length body holding a request outside the base path`,
      send: send([`Content-Length: ${OUTSIDE.length}`], OUTSIDE),
      ...outcome,
    },
    {
      name: `${method} with a chunked body opening a POST that would swallow the next request`,
      send: send(['Transfer-Encoding: chunked'], chunk(CAPTURE)),
      ...outcome,
    },
  ]
}

describeHostile('request smuggling', [...ROWS, ...METHODS.flatMap(bodyRows)], WITH_CHILD_HOSTS)
