// Hostile WebSocket handshakes (RFC 6455 §4; cross-site WebSocket hijacking, CWE-1385). An upgrade
// is a request like any other before the `101`: its path, Host and framing get the same checks, and
// a handshake the engine does not own (a POST, a bad key the backend refuses) must never leave a
// socket half-upgraded or take the server down. A handshake with a malformed `Sec-WebSocket-Key` or
// version goes to exactly the route's upstream path, whose refusal (400) reaches the client; the
// `Origin` of a page on another site is passed untouched so the backend can refuse it, while the dev
// server's own origin is rewritten to the target's (as a browser on the real site would send).
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { catchAllRoutes } from '../src/hostile-routes.ts'
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

/** A handshake left open and silent by a child-process host (see the rows that use it). */
const UNWATCHED_OPEN = { 'storybook-dev': 'unanswered', 'angular-dev': 'unanswered' } as const

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
  // 404), and a POST to `/api/socket` is an ordinary request inside the route. Storybook's server
  // (its channel, the Vite builder's HMR) and Angular's (Vite's HMR) leave them open as Vite does;
  // their servers run in a child process, which cannot be watched, so the rows are told by order of
  // answers there ('unanswered': still open and silent once a later request was answered).
  {
    name: 'a dot-dot climbing out of the route',
    send: handshake('/api/../admin'),
    status: 'closed',
    statusOn: { 'vite-dev': 'open', 'fetch-transport': 404, ...UNWATCHED_OPEN },
    upstream: 'nothing',
  },
  {
    name: 'a handshake to a path no route names',
    send: handshake('/elsewhere/socket'),
    status: 'closed',
    statusOn: { 'vite-dev': 'open', 'fetch-transport': 404, ...UNWATCHED_OPEN },
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
    statusOn: { 'vite-dev': 'open', ...PLAIN_REQUEST, ...UNWATCHED_OPEN },
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

describeHostile('websocket handshake', ROWS, WITH_CHILD_HOSTS)

// Under a catch-all route (`/` with `ws: true`) every path is a route's, so the host's own sockets
// must be left to the host by what they are, not by a path no route names: Storybook's server channel
// (`/storybook-server-channel`, an HMR path the addon gives the engine) and the Vite builder's and
// Angular's HMR socket (`/`, told by its `vite-hmr` subprotocol). A route with `ws: false` leaves its
// handshakes to the host as well. Nothing of these may reach the backend.
const CATCH_ALL_ROWS: readonly HostileRow[] = [
  {
    name: "Storybook's server channel stays Storybook's under a catch-all route",
    send: handshake('/storybook-server-channel'),
    // Storybook 10 wants its channel token (`?token=`), so its own refusal (401) shows it answered:
    // the catch-all's backend would have switched protocols.
    status: 401,
    upstream: 'nothing',
    hosts: ['storybook-dev'],
  },
  {
    name: "Vite's HMR handshake (vite-hmr, no token) stays the host's under a catch-all route",
    send: handshake('/', { 'Sec-WebSocket-Protocol': 'vite-hmr' }),
    // Vite takes an HMR handshake without a token when it carries no `Origin` (no page can send
    // one without): its own 101, while the backend saw nothing.
    status: 101,
    upstream: 'nothing',
    hosts: ['storybook-dev', 'angular-dev'],
  },
  {
    name: 'a handshake to a route with ws: false is left to the host',
    send: handshake('/plain/socket'),
    status: 'closed',
    // As for a path no route names (above); the Fetch transport, which takes no upgrades, forwards
    // it as the plain GET it is, inside the route.
    statusOn: { 'vite-dev': 'open', 'fetch-transport': 200, ...UNWATCHED_OPEN },
    upstream: 'nothing',
    upstreamOn: { 'fetch-transport': '/plain/socket' },
  },
  {
    name: 'a handshake under the catch-all reaches the backend on its own path',
    send: handshake('/any/socket'),
    status: 101,
    statusOn: PLAIN_REQUEST,
    upstream: '/any/socket',
  },
]

describeHostile(
  'websocket handshake under a catch-all route',
  CATCH_ALL_ROWS,
  WITH_CHILD_HOSTS,
  catchAllRoutes,
)
