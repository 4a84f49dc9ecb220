// Open proxy (CWE-441). A dev server that lets the client choose where a request goes is a way into
// the developer's network: `GET http://10.0.0.5/admin HTTP/1.1` (absolute form, RFC 9112 §3.2.2) or
// `CONNECT 10.0.0.5:22` asks the proxy itself to connect to a host the client names, and pages can
// make browsers send such requests through a rebinding name. Only the matched route chooses the
// upstream: an absolute-form target is reduced to its path (and still has to match a route), CONNECT
// gets no tunnel (405 from the stand-alone server and from every dev server an adapter mounts on), a path that looks like an authority (`//host/...`) is only a path, and the upstream
// named in each attack must never see a connection.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get, rawRequest } from '../src/raw-request.ts'

// `ng serve` answers a GET that nothing else takes with the app's index.html (Angular's page
// fallback, after the engine let the request pass): 200, with nothing forwarded anywhere.
const PAGE_FALLBACK = { 'angular-dev': 200 } as const

const ROWS: readonly HostileRow[] = [
  {
    name: 'GET http://<other server>/api/x goes to the route target',
    send: get('http://{elsewhere}/api/x'),
    status: 200,
    upstream: '/x',
    seen: { host: '{api}' },
  },
  {
    name: 'GET https://<other server>/v1/x goes to the route target',
    send: get('https://{elsewhere}/v1/x'),
    status: 200,
    upstream: '/base/x',
  },
  {
    name: 'absolute form with userinfo: http://user:pass@<other server>/api/x',
    send: get('http://user:pass@{elsewhere}/api/x'),
    status: 200,
    upstream: '/x',
    seen: { authorization: null },
  },
  {
    name: 'absolute form naming the other server in Host too',
    send: get('http://{elsewhere}/api/x', ['Host: {elsewhere}']),
    status: 200,
    upstream: '/x',
    seen: { host: '{api}' },
  },
  {
    name: 'absolute form with no route: http://<other server>/admin',
    send: get('http://{elsewhere}/admin'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: 'absolute form with no path: http://<other server>',
    send: get('http://{elsewhere}'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '//<other server>/api/x: an authority-looking path',
    send: get('//{elsewhere}/api/x'),
    status: 404,
    statusOn: PAGE_FALLBACK,
    upstream: 'nothing',
  },
  {
    name: '/api//<other server>/x: an authority after the stripped prefix',
    send: get('/api//{elsewhere}/x'),
    status: 200,
    upstream: '//{elsewhere}/x',
  },
  {
    name: 'CONNECT <other server>: no tunnel',
    send: rawRequest('CONNECT', '{elsewhere}', ['Host: {elsewhere}']),
    status: 405,
    // srvx has no `connect` listener: Node drops the socket (no tunnel either way). A Web `Request`
    // cannot carry CONNECT, so the Fetch transport never sees it. Vite gets the adapter's listener.
    statusOn: { 'fetch-transport': 'closed' },
    upstream: 'nothing',
  },
  {
    name: 'CONNECT <route upstream>: no tunnel either',
    send: rawRequest('CONNECT', '{api}', ['Host: {api}']),
    status: 405,
    // srvx has no `connect` listener: Node drops the socket (no tunnel either way). A Web `Request`
    // cannot carry CONNECT, so the Fetch transport never sees it. Vite gets the adapter's listener.
    statusOn: { 'fetch-transport': 'closed' },
    upstream: 'nothing',
  },
  {
    name: 'OPTIONS *: the asterisk form matches no route',
    send: rawRequest('OPTIONS', '*'),
    status: 404,
    upstream: 'nothing',
  },
]

describeHostile('open proxy', ROWS, WITH_CHILD_HOSTS)
