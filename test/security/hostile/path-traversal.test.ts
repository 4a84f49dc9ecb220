// Path traversal through a rewrite (CWE-22). A route that strips a prefix (`/api/users` → `/users`)
// or joins a base path (`/v1/users` → `/base/users`) is only safe if the path it rewrites is the
// path the backend will resolve. `..` segments, their percent-encoded forms (`%2e%2e`), and
// separators the backend may decode (`%2f`) or read as `/` (`\`, `%5c`, as IIS and Windows backends
// do) let a request the dev server took for `/api/...` land outside the route's target path on the
// backend: CVE-2021-41773 (Apache), the `..;/` Tomcat trick ("Breaking Parser Logic", 2018). Every
// dot segment is resolved before the route is chosen, so a climb out of `/api` is matched as what it
// resolves to (usually no route: 404); an encoding that could resolve differently upstream is
// refused with 400. Beyond core's own tests (packages/core/test/engine/path-traversal.test.ts) and
// the conformance cases: raw request lines, unencoded `..` and `\`, the prefix-stripping function
// rewrite of Vite's habit, a base-path target, and Vite's own middlewares in front of the engine.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get } from '../src/raw-request.ts'

// `ng serve` answers a GET that nothing else takes with the app's index.html (Angular's page
// fallback, after the engine let the request pass): 200, with nothing forwarded.
const PAGE_FALLBACK = { 'angular-dev': 200 } as const
// Angular's own middlewares, ahead of the engine, decode the path (`decodeURIComponent`) and throw on
// bytes that are not UTF-8: Vite answers 500 before the engine sees the request, so nothing is
// forwarded (the route's own answer would be the backend's 200).
const NOT_UTF8 = { statusOn: { 'angular-dev': 500 }, upstreamOn: { 'angular-dev': 'nothing' } } as const

const ROWS: readonly HostileRow[] = [
  // Climbing out of the prefix: resolved before matching, so no route claims what is left.
  {
    name: '/api/../admin: raw dot-dot out of the prefix',
    send: get('/api/../admin'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api/x/../../admin: two levels up',
    send: get('/api/x/../../admin'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api/%2e%2e/admin: encoded dot-dot',
    send: get('/api/%2e%2e/admin'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api/.%2e/admin: half-encoded dot-dot',
    send: get('/api/.%2e/admin'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api/%2E%2E/%2E%2E/etc/passwd: upper-case encoded dot-dots',
    send: get('/api/%2E%2E/%2E%2E/etc/passwd'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api/..: the prefix itself climbed out of',
    send: get('/api/..'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  // Climbing out of the base path of `/v1 → /base`.
  {
    name: '/v1/../admin: dot-dot out of a base-path route',
    send: get('/v1/../admin'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/v1/%2e%2e/%2e%2e/etc/passwd: encoded climb from a base-path route',
    send: get('/v1/%2e%2e/%2e%2e/etc/passwd'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  // Dot segments that stay inside the route are resolved and forwarded, never passed on raw.
  {
    name: '/api/a/%2e%2e/b: a climb that stays inside /api',
    send: get('/api/a/%2e%2e/b'),
    status: 200,
    upstream: '/b',
  },
  {
    name: '/v1/a/../b: a climb that stays below the base path',
    send: get('/v1/a/../b'),
    status: 200,
    upstream: '/base/b',
  },
  { name: '/v1/./x/.: single dots', send: get('/v1/./x/.'), status: 200, upstream: '/base/x/' },
  {
    name: '/api//../admin: an empty segment eaten by dot-dot',
    send: get('/api//../admin'),
    status: 200,
    upstream: '/admin',
  },
  // Separators hidden from the dev server and decoded by the backend: refused.
  {
    name: '/api/%2e%2e%2fadmin: encoded dot-dot-slash',
    send: get('/api/%2e%2e%2fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/..%2fadmin: dot-dot then an encoded slash',
    send: get('/api/..%2fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api%2f..%2fadmin: the prefix glued by encoded slashes',
    send: get('/api%2f..%2fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/v1/%2e%2e%2f%2e%2e%2fadmin: encoded climb from the base path',
    send: get('/v1/%2e%2e%2f%2e%2e%2fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/..%5cadmin: an encoded backslash',
    send: get('/api/..%5cadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/%5c..%5cadmin: encoded backslashes around dot-dot',
    send: get('/api/%5c..%5cadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/..\\admin: a raw backslash',
    send: get('/api/..\\admin'),
    status: 400,
    // WHATWG URL (srvx builds the Web `Request` with it) reads `\` as `/` in an http URL and
    // resolves the dot segment: the proxy sees `/admin`, which no route names, and the host answers 404.
    statusOn: { 'fetch-transport': 404 },
    upstream: 'nothing',
  },
  {
    name: '/api/..;/admin: a path parameter on dot-dot (Tomcat)',
    send: get('/api/..;/admin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/v1/..%3Badmin: an encoded path parameter on dot-dot',
    send: get('/v1/..%3Badmin'),
    status: 400,
    upstream: 'nothing',
  },
  // Encodings that are data, not separators: forwarded as they are, never decoded into one.
  {
    name: '/api/a%2fb: an encoded slash inside a segment stays encoded',
    send: get('/api/a%2fb'),
    status: 200,
    upstream: '/a%2Fb',
  },
  {
    name: '/api/%c0%ae%c0%ae/admin: overlong UTF-8 dots stay encoded',
    send: get('/api/%c0%ae%c0%ae/admin'),
    status: 200,
    upstream: '/%C0%AE%C0%AE/admin',
    ...NOT_UTF8,
  },
  {
    name: '/%61pi/x: an encoded letter cannot dodge the route',
    send: get('/%61pi/x'),
    status: 200,
    upstream: '/x',
  },
  {
    name: '/API/x: the prefix in another case is not the route',
    send: get('/API/x'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api/x?next=/../../admin: the query is not a path',
    send: get('/api/x?next=/../../admin'),
    status: 200,
    upstream: '/x?next=/../../admin',
  },
  {
    name: '/api/x#/../../admin: a raw fragment in the request line',
    send: get('/api/x#/../../admin'),
    status: 400,
    upstream: 'nothing',
  },
]

describeHostile('path traversal', ROWS, WITH_CHILD_HOSTS)
