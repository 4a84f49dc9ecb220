// DNS rebinding and Host spoofing (CWE-350; Vite GHSA-vg6x-rcgg-rjx6, webpack-dev-server
// CVE-2018-14732). A page on evil.example that makes its own name resolve to 127.0.0.1 is, to the
// browser, same-origin with the dev server: it can send requests and read the answers the proxy
// fetched with the route's credentials. Only `Host` shows the request was meant for another site, so
// a host that is not this machine (a loopback name or an IP literal) is refused before any route
// runs. The client must not be able to choose the upstream or its view of the request either:
// `X-Forwarded-Host`, `X-Forwarded-For`, `-Proto`, `-Port` and `Forwarded` sent by the client are
// replaced or removed, and the upstream always gets the target's own `Host`. Beyond the conformance
// case (one foreign Host): spellings of a foreign host, malformed and repeated Host fields, and
// forwarding headers.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get, rawRequest } from '../src/raw-request.ts'

/** What the upstream must see whatever the client claims: the proxy's own story. */
const PROXY_STORY = {
  host: '{api}',
  'x-forwarded-host': '{host}',
  'x-forwarded-for': '127.0.0.1',
  'x-forwarded-proto': 'http',
  forwarded: null,
} as const

// Vite's own host check runs before the engine and answers 403 for any Host it cannot allow,
// malformed ones included; the engine, reached first in the core server, answers those 400. Angular's
// dev server is Vite's, with its host check ahead of the extension middleware the engine is. On
// Storybook the engine runs before any of Storybook's middlewares, so its own answers stand.
const VITE_HOST_CHECK = { 'vite-dev': 403, 'angular-dev': 403 } as const

const ROWS: readonly HostileRow[] = [
  {
    name: 'Host: evil.example',
    send: get('/api/me', ['Host: evil.example']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'Host: evil.example with the dev port',
    send: get('/api/me', ['Host: evil.example:5173']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'Host: localhost.evil.example',
    send: get('/api/me', ['Host: localhost.evil.example']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'Host: 127.0.0.1.nip.io (a name for loopback)',
    send: get('/api/me', ['Host: 127.0.0.1.nip.io']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'Host: EVIL.EXAMPLE in upper case',
    send: get('/api/me', ['Host: EVIL.EXAMPLE']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'Host: evil.example. with a trailing dot',
    send: get('/api/me', ['Host: evil.example.']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'Host: user@localhost (userinfo)',
    send: get('/api/me', ['Host: user@localhost']),
    status: 400,
    statusOn: VITE_HOST_CHECK,
    upstream: 'nothing',
  },
  {
    name: 'Host: localhost/evil (a path)',
    send: get('/api/me', ['Host: localhost/evil']),
    status: 400,
    statusOn: VITE_HOST_CHECK,
    upstream: 'nothing',
  },
  {
    name: 'Host: localhost:99999 (port out of range)',
    send: get('/api/me', ['Host: localhost:99999']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'Host: 2130706433 (loopback as a decimal)',
    send: get('/api/me', ['Host: 2130706433']),
    status: 400,
    statusOn: VITE_HOST_CHECK,
    upstream: 'nothing',
  },
  {
    name: 'an empty Host',
    send: get('/api/me', ['Host: ']),
    status: 400,
    statusOn: VITE_HOST_CHECK,
    upstream: 'nothing',
  },
  {
    name: 'no Host at all',
    send: rawRequest('GET', '/api/me', [], '', { host: false }),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'two Host fields, ours first',
    send: get('/api/me', ['Host: {host}', 'Host: evil.example']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'two Host fields, the foreign one first',
    send: get('/api/me', ['Host: evil.example', 'Host: {host}']),
    // Two Host fields are a bad request (RFC 9112 §3.2) before they are a foreign host; Vite's own
    // check reads the first one and refuses it as foreign first.
    status: 400,
    statusOn: VITE_HOST_CHECK,
    upstream: 'nothing',
  },
  // Answered, with the proxy's own forwarding headers in place of the client's.
  {
    name: 'X-Forwarded-Host: evil.example',
    send: get('/api/me', ['X-Forwarded-Host: evil.example']),
    status: 200,
    upstream: '/me',
    seen: PROXY_STORY,
  },
  {
    name: 'X-Forwarded-For, -Proto and -Port spoofed',
    send: get('/api/me', ['X-Forwarded-For: 6.6.6.6', 'X-Forwarded-Proto: https', 'X-Forwarded-Port: 443']),
    status: 200,
    upstream: '/me',
    seen: PROXY_STORY,
  },
  {
    name: 'Forwarded: host=evil.example;proto=https',
    send: get('/api/me', ['Forwarded: for=6.6.6.6;host=evil.example;proto=https']),
    status: 200,
    upstream: '/me',
    seen: PROXY_STORY,
  },
  {
    name: 'Host naming another local server reaches only the target',
    send: get('/api/me', ['Host: {elsewhere}']),
    status: 200,
    upstream: '/me',
    seen: { host: '{api}', 'x-forwarded-host': '{elsewhere}' },
  },
]

describeHostile('DNS rebinding and Host', ROWS, WITH_CHILD_HOSTS)
