// Hostile WebSocket handshakes (RFC 6455 §4; cross-site WebSocket hijacking, CWE-1385). An upgrade
// is a request like any other before the `101`: its path, Host and framing get the same checks, and
// a handshake the engine does not own (a POST, a bad key the backend refuses) must never leave a
// socket half-upgraded or take the server down. A handshake with a malformed `Sec-WebSocket-Key` or
// version goes to exactly the route's upstream path, whose refusal (400) reaches the client; the
// `Origin` of a page on another site is passed untouched so the backend can refuse it, while the dev
// server's own origin is rewritten to the target's (as a browser on the real site would send).
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { rawRequest } from '../src/raw-request.ts'

/** A WebSocket handshake to `target` with `headers` replacing the defaults of the same name. */
function handshake(target: string, headers: Readonly<Record<string, string>> = {}, method = 'GET'): string {
  const fields: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    ...headers,
  }
  return rawRequest(
    method,
    target,
    Object.entries(fields).map(([name, value]) => `${name}: ${value}`),
  )
}

// The Fetch transport takes no upgrades (a Web `Request` cannot be upgraded), and a Fetch host has no
// `upgrade` listener, so Node hands a handshake to the handler as a plain request: the proxy forwards
// it to the same route path as any request, `Connection` and `Upgrade` removed (hop-by-hop), and the
// backend answers it as an ordinary GET (the echo's 200) rather than with a `101` or its handshake
// refusal. Nothing is tunnelled and nothing leaves the route.
const PLAIN_REQUEST = { 'fetch-transport': 200 } as const

const ROWS: readonly HostileRow[] = [
  {
    name: 'a valid handshake (the control row)',
    send: handshake('/api/socket'),
    status: 101,
    statusOn: PLAIN_REQUEST,
    upstream: '/socket',
  },
  {
    name: 'a Sec-WebSocket-Key that is not 16 bytes of base64',
    send: handshake('/api/socket', { 'Sec-WebSocket-Key': 'not-a-key' }),
    status: 400,
    statusOn: PLAIN_REQUEST,
    upstream: '/socket',
  },
  {
    name: 'an empty Sec-WebSocket-Key',
    send: handshake('/api/socket', { 'Sec-WebSocket-Key': '' }),
    status: 400,
    statusOn: PLAIN_REQUEST,
    upstream: '/socket',
  },
  {
    name: 'Sec-WebSocket-Version: 7 (unsupported)',
    send: handshake('/api/socket', { 'Sec-WebSocket-Version': '7' }),
    status: 400,
    statusOn: PLAIN_REQUEST,
    upstream: '/socket',
  },
  {
    name: 'a traversal in the handshake path',
    send: handshake('/api/..%2f..%2fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  // No route claims these: the core server closes the socket, Vite leaves it open (its own
  // behaviour with upgrades nobody claims); nothing is forwarded either way. On the Fetch host they
  // are plain requests: srvx resolves `/api/../admin` to `/admin`, which no route names (the host's
  // 404), and a POST to `/api/socket` is an ordinary request inside the route.
  {
    name: 'a dot-dot climbing out of the route',
    send: handshake('/api/../admin'),
    status: 'closed',
    statusOn: { 'vite-dev': 'open', 'fetch-transport': 404 },
    upstream: 'nothing',
  },
  {
    name: 'a handshake naming a foreign Host',
    send: handshake('/api/socket', { Host: 'evil.example' }),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'an upgrade on a POST',
    send: handshake('/api/socket', {}, 'POST'),
    status: 'closed',
    statusOn: { 'vite-dev': 'open', ...PLAIN_REQUEST },
    upstream: 'nothing',
    upstreamOn: { 'fetch-transport': '/socket' },
  },
  {
    name: 'the Origin of another site is passed for the backend to judge',
    send: handshake('/api/socket', { Origin: 'http://evil.example' }),
    status: 101,
    statusOn: PLAIN_REQUEST,
    upstream: '/socket',
    seen: { origin: 'http://evil.example' },
  },
  {
    name: "the dev server's own Origin becomes the target's",
    send: handshake('/api/socket', { Origin: 'http://{host}' }),
    status: 101,
    statusOn: PLAIN_REQUEST,
    upstream: '/socket',
    seen: { origin: 'http://{api}' },
  },
  {
    name: 'on a Fetch host, a handshake reaches the backend as a plain GET, Upgrade removed',
    send: handshake('/api/socket'),
    status: 200,
    upstream: '/socket',
    seen: { upgrade: null, 'x-api-key': 'dev-secret' },
    hosts: ['fetch-transport'],
  },
]

describeHostile('websocket handshake', ROWS)
