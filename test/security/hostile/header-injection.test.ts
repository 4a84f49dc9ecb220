// Header injection and hop-by-hop abuse (CWE-113, CWE-93). A CR or LF inside a header value, or a
// NUL, lets a client end a header early and add its own (`X-A: a\nSet-Cookie: ...`) if any party on
// the way parses line endings loosely; encoded CRLF in the path or query (`%0d%0a`) does the same to
// a backend that decodes before logging or redirecting. Non-token header names and obsolete line
// folding are parser differentials of the same kind. Node's parser refuses every raw one with 400;
// encoded ones are forwarded still encoded. Hop-by-hop abuse goes the other way: a client that lists
// a header in `Connection` asks the proxy to drop it, which must never remove what the proxy itself
// sets (X-Forwarded-*, the route's credential). Bytes that are not UTF-8 are forwarded untouched in
// header values and refused raw in the request line.
import { ROUTE_SECRET } from '../src/hostile-routes.ts'
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get } from '../src/raw-request.ts'

const ROWS: readonly HostileRow[] = [
  {
    name: 'a bare LF inside a header value',
    send: get('/api/x', ['X-A: a\nSet-Cookie: sid=evil']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'a bare CR inside a header value',
    send: get('/api/x', ['X-A: a\rSet-Cookie: sid=evil']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'a NUL inside a header value',
    send: get('/api/x', ['X-A: a\u0000b']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'obsolete line folding',
    send: get('/api/x', ['X-A: a', ' Set-Cookie: sid=evil']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'a space inside a header name',
    send: get('/api/x', ['X Forwarded Host: evil.example']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'a header name with a non-token character',
    send: get('/api/x', ['X(A): 1']),
    status: 400,
    upstream: 'nothing',
  },
  { name: 'an empty header name', send: get('/api/x', [': value']), status: 400, upstream: 'nothing' },
  {
    name: 'a raw byte 0xFF in the request line',
    send: get('/api/\u00ff\u00fe'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'an encoded CRLF in the path stays encoded',
    send: get('/api/x%0d%0aSet-Cookie:%20sid=evil'),
    status: 200,
    upstream: '/x%0D%0ASet-Cookie:%20sid=evil',
  },
  {
    name: 'an encoded CRLF in the query is forwarded as sent',
    send: get('/api/x?next=%0d%0aLocation:%20http://evil.example'),
    status: 200,
    upstream: '/x?next=%0d%0aLocation:%20http://evil.example',
  },
  {
    name: 'invalid UTF-8, encoded, in the path',
    send: get('/api/%ff%fe%c3%28'),
    status: 200,
    // Angular's own middlewares, ahead of the engine, decode the path (`decodeURIComponent`) and
    // throw on bytes that are not UTF-8: Vite answers 500 before the engine sees it, nothing forwarded.
    statusOn: { 'angular-dev': 500 },
    upstream: '/%FF%FE%C3%28',
    upstreamOn: { 'angular-dev': 'nothing' },
  },
  {
    name: 'invalid UTF-8 in a header value is forwarded byte for byte',
    send: get('/api/x', ['X-Name: \u00ff\u00fe\u00c3\u0028']),
    status: 200,
    upstream: '/x',
    seen: { 'x-name': '\u00ff\u00fe\u00c3\u0028' },
  },
  // Hop-by-hop abuse: what the proxy sets survives whatever the client lists in Connection.
  {
    name: 'Connection naming X-Forwarded-For and X-Forwarded-Host',
    send: get('/api/x', ['Connection: close, X-Forwarded-For, X-Forwarded-Host', 'X-Forwarded-For: 6.6.6.6']),
    status: 200,
    upstream: '/x',
    seen: { 'x-forwarded-for': '127.0.0.1', 'x-forwarded-host': '{host}' },
  },
  {
    name: "Connection naming the route's credential header",
    send: get('/api/x', ['Connection: close, X-Api-Key']),
    status: 200,
    upstream: '/x',
    seen: { 'x-api-key': ROUTE_SECRET },
  },
  {
    name: "a client-sent credential header is replaced by the route's",
    send: get('/api/x', ['X-Api-Key: forged']),
    status: 200,
    upstream: '/x',
    seen: { 'x-api-key': ROUTE_SECRET },
  },
  {
    name: 'Proxy-Authorization and Keep-Alive never reach the backend',
    send: get('/api/x', [
      'Proxy-Authorization: Basic ZXZpbDpldmls',
      'Keep-Alive: timeout=999',
      'TE: trailers',
    ]),
    status: 200,
    upstream: '/x',
    seen: { 'proxy-authorization': null, 'keep-alive': null, te: null },
  },
]

describeHostile('header injection', ROWS, WITH_CHILD_HOSTS)
