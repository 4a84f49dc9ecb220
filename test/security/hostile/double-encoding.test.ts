// Double and malformed percent-encoding (CWE-174, CVE-2001-0333 against IIS). `%252e%252e%252f` is
// harmless text to a server that decodes once, and `../` to one that decodes twice: when the dev
// server and the backend (or a framework behind it) disagree on how many times to decode, a path the
// dev server saw as inside `/api` becomes a traversal upstream. Malformed escapes (`%zz`, a lone `%`,
// IIS's `%u002e`) are worse: each server guesses differently. The engine refuses every `%25`
// that would decode into a dot, slash, backslash or NUL, and every escape that is not `%XX`, before a
// route is tried; a `%25` that stays a literal percent is forwarded still encoded.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get } from '../src/raw-request.ts'

// Angular's own middlewares, ahead of the engine, decode the path (`decodeURIComponent`) and throw on
// a malformed escape: Vite answers 500 before the engine sees the request. Nothing is forwarded.
const DECODED_FIRST = { 'angular-dev': 500 } as const

const ROWS: readonly HostileRow[] = [
  {
    name: '/api/%252e%252e/admin: double-encoded dot-dot',
    send: get('/api/%252e%252e/admin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/%252e%252e%252fadmin: double-encoded dot-dot-slash',
    send: get('/api/%252e%252e%252fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/v1/%252fadmin: a double-encoded slash below a base path',
    send: get('/v1/%252fadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/%255cadmin: a double-encoded backslash',
    send: get('/api/%255cadmin'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/%25%32%65%25%32%65/admin: the escape itself escaped',
    send: get('/api/%25%32%65%25%32%65/admin'),
    status: 400,
    upstream: 'nothing',
  },
  { name: '/api/%2500: a double-encoded NUL', send: get('/api/%2500'), status: 400, upstream: 'nothing' },
  {
    name: '/api/%zz: an escape that is not hex',
    send: get('/api/%zz'),
    status: 400,
    statusOn: DECODED_FIRST,
    upstream: 'nothing',
  },
  {
    name: '/api/%: a lone percent sign',
    send: get('/api/%'),
    status: 400,
    statusOn: DECODED_FIRST,
    upstream: 'nothing',
  },
  {
    name: '/api/%2: a truncated escape',
    send: get('/api/%2'),
    status: 400,
    statusOn: DECODED_FIRST,
    upstream: 'nothing',
  },
  {
    name: '/api/%u002e%u002e/admin: IIS %u escapes',
    send: get('/api/%u002e%u002e/admin'),
    status: 400,
    statusOn: DECODED_FIRST,
    upstream: 'nothing',
  },
  // A literal percent sign, escaped once, is data: forwarded exactly as sent.
  {
    name: '/api/100%25: an escaped percent sign stays escaped',
    send: get('/api/100%25'),
    status: 200,
    upstream: '/100%25',
  },
  {
    name: '/api/%25ab: %25 before other hex is data',
    send: get('/api/%25ab'),
    status: 200,
    upstream: '/%25ab',
  },
]

describeHostile('double encoding', ROWS, WITH_CHILD_HOSTS)
