// NUL byte injection (CWE-158). A backend written in C, or one that hands the path to the file
// system, stops reading at the first NUL: `/api/report.pdf%00.json` passes a `.json` check in the
// proxy or the framework and opens `report.pdf`; `x%00/../../admin` hides a traversal after the cut.
// A raw NUL in the request line is a parser differential in itself. The engine refuses NUL, raw or
// encoded, anywhere in the path with 400; in the query it is data for the backend and is forwarded
// byte for byte, still encoded.
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import { describeHostile } from '../src/describe-hostile.ts'
import type { HostileRow } from '../src/describe-hostile.ts'
import { get } from '../src/raw-request.ts'

const ROWS: readonly HostileRow[] = [
  { name: 'a raw NUL in the request line', send: get('/api/x\u0000.json'), status: 400, upstream: 'nothing' },
  {
    name: '/api/report.pdf%00.json: an encoded NUL before an extension',
    send: get('/api/report.pdf%00.json'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/x%00/../../admin: a NUL hiding a traversal',
    send: get('/api/x%00/../../admin'),
    status: 400,
    // srvx builds the Web `Request`'s URL with WHATWG URL, which resolves the dot segments before
    // the handler runs: the proxy sees `/admin`, which no route names, and the host answers 404.
    statusOn: { 'fetch-transport': 404 },
    upstream: 'nothing',
  },
  {
    name: '/v1/%00: an encoded NUL below a base path',
    send: get('/v1/%00'),
    status: 400,
    upstream: 'nothing',
  },
  {
    name: '/api/x?name=%00: an encoded NUL in the query is data',
    send: get('/api/x?name=%00'),
    status: 200,
    upstream: '/x?name=%00',
  },
]

describeHostile('NUL bytes', ROWS, WITH_CHILD_HOSTS)
