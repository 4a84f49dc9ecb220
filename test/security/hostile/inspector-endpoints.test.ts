// The inspector's paths as an attack surface (CWE-350 DNS rebinding, CWE-352 cross-site request
// forgery, CWE-444 request smuggling, CWE-22 path traversal). `/__sameorigin/` is answered by the
// engine before any route: a page on another site must not read the log (it holds the backend's
// answers) or change it, a rebound host name must get the same 403 as a route, a path that climbs
// out of it must reach no route and no backend, and a body sent to it (on any method, in any
// framing) must never become a request to a backend. Every row also runs its plain GET /api/health
// after, so a connection the inspector left half-read would show.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get, rawRequest } from '../src/raw-request.ts'

const SMUGGLED = 'GET /api/smuggled HTTP/1.1\r\nHost: {host}\r\n\r\n'
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
type Method = (typeof METHODS)[number]
const chunk = (text: string): string => `${text.length.toString(16)}\r\n${text}\r\n0\r\n\r\n`
const OWN = 'Origin: http://{host}'

/** What each method gets at each path: its answer, read from the request line and head alone. */
const STATUS: Readonly<Record<string, Readonly<Record<Method, number>>>> = {
  // GET and HEAD list the log, DELETE (from the own origin) empties it; nothing else is allowed.
  '/__sameorigin/api/exchanges': {
    GET: 200,
    HEAD: 200,
    DELETE: 204,
    POST: 405,
    PUT: 405,
    PATCH: 405,
    OPTIONS: 405,
    TRACE: 405,
  },
  // Only POST is a report, and only as text/plain or JSON (this one has no Content-Type).
  '/__sameorigin/report': {
    GET: 405,
    HEAD: 405,
    POST: 415,
    PUT: 405,
    PATCH: 405,
    DELETE: 405,
    OPTIONS: 405,
    TRACE: 405,
  },
}

/** Every method with a body that holds a request, chunked and by length: never forwarded. */
function bodyRows(path: string): HostileRow[] {
  return METHODS.flatMap((method): HostileRow[] => {
    const status = STATUS[path]?.[method] ?? 0
    return [
      {
        name: `${method} ${path} with a chunked body holding a request`,
        send: rawRequest(method, path, ['Transfer-Encoding: chunked', OWN], chunk(SMUGGLED)),
        status,
        upstream: 'nothing',
      },
      {
        name: `${method} ${path} with a Content-Length body holding a request`,
        send: rawRequest(method, path, [`Content-Length: ${SMUGGLED.length}`, OWN], SMUGGLED),
        status,
        upstream: 'nothing',
      },
    ]
  })
}

const ROWS: readonly HostileRow[] = [
  {
    name: 'a rebound host name reads the log',
    send: get('/__sameorigin/api/exchanges', ['Host: attacker.example']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'two Host fields, the second the attacker’s',
    send: get('/__sameorigin/api/exchanges', ['Host: {host}', 'Host: attacker.example']),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: 'another site’s page reads the event stream (Sec-Fetch-Site: cross-site)',
    send: get('/__sameorigin/api/events', ['Sec-Fetch-Site: cross-site']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'another site empties the log (DELETE with a foreign Origin)',
    send: rawRequest('DELETE', '/__sameorigin/api/exchanges', ['Origin: http://attacker.example']),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'a cross-site form turns the secrets switch on (no Origin)',
    send: rawRequest(
      'POST',
      '/__sameorigin/api/session',
      ['Content-Type: text/plain', 'Content-Length: 19'],
      '{"showSecrets":true}'.slice(0, 19),
    ),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'a report from another origin',
    send: rawRequest(
      'POST',
      '/__sameorigin/report',
      ['Origin: http://attacker.example', 'Content-Type: text/plain', 'Content-Length: 2'],
      '{}',
    ),
    status: 403,
    upstream: 'nothing',
  },
  {
    name: 'an oversized report (9 KiB) from the own origin',
    send: rawRequest(
      'POST',
      '/__sameorigin/report',
      [OWN, 'Content-Type: text/plain', 'Content-Length: 9216'],
      'x'.repeat(9216),
    ),
    status: 413,
    upstream: 'nothing',
  },
  {
    name: 'a report whose URL is a route of this server (not another origin)',
    send: rawRequest(
      'POST',
      '/__sameorigin/report',
      [OWN, 'Content-Type: application/json', 'Content-Length: 137'],
      JSON.stringify({
        kind: 'fetch',
        url: 'http://{host}/api/x',
        method: 'GET',
        headers: [],
        credentials: 'include',
        pageOrigin: 'http://{host}',
      }).padEnd(137),
    ),
    status: 400,
    upstream: 'nothing',
  },
  // Dot segments are resolved before anything else, as a Fetch host's URL has them resolved: a path
  // that climbs out of the inspector is the path it lands on, on every transport, and reaches only
  // the route that path names (here /api, whose rewrite strips the prefix), never the inspector.
  {
    name: 'a dot-dot-slash out of the inspector is the route it lands on, no more',
    send: get('/__sameorigin/../api/users'),
    status: 200,
    upstream: '/users',
  },
  {
    name: 'an encoded dot-dot-slash out of the inspector is the route it lands on, no more',
    send: get('/__sameorigin/%2e%2e/api/users'),
    status: 200,
    upstream: '/users',
  },
  {
    name: 'a file of the page by a climbing name with encoded slashes',
    send: get('/__sameorigin/..%2f..%2fpackage.json'),
    status: 400,
    upstream: 'nothing',
  },
  // The request line names another host than `Host`: the inspector judges "its own origin" by the
  // checked `Host` only, so a request line cannot steer that check; it refuses the request.
  {
    name: 'absolute-form naming another host, the inspector’s path',
    send: get('http://attacker.example/__sameorigin/api/exchanges'),
    status: 400,
    upstream: 'nothing',
  },
  ...bodyRows('/__sameorigin/api/exchanges'),
  ...bodyRows('/__sameorigin/report'),
]

describeHostile('the inspector’s endpoints', ROWS, WITH_CHILD_HOSTS)
