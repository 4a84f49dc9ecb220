// The inspector's paths over HTTP/2 (a dev server with `server.https`): DATA frames sent to them, on
// every method, with and without a `content-length` (shorter and longer than the frames: H2.CL),
// never reach a backend as a request; a rebound `:authority` gets 403 as on a route. The routes'
// upstream is a raw TCP tap, which would read any bytes written to it as what they are.
import type { Http2HostileRow } from '../src/describe-http2-hostile.ts'
import { describeHttp2Hostile } from '../src/describe-http2-hostile.ts'

const OUTSIDE = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
const PATHS = ['/__sameorigin/api/exchanges', '/__sameorigin/report'] as const

/**
 * What a method gets at a path (see the HTTP/1.1 table): read from the head alone, or a reset where
 * nghttp2 sees the frames break the declared length first. This client sends no `origin`, so a
 * request other than GET or HEAD is refused (403) before any body is read; the report path refuses
 * any method but POST first (405).
 */
function answerOf(path: (typeof PATHS)[number], method: (typeof METHODS)[number]): number {
  if (path === '/__sameorigin/report') return method === 'POST' ? 403 : 405
  return method === 'GET' || method === 'HEAD' ? 200 : 403
}

function rowsFor(path: (typeof PATHS)[number], method: (typeof METHODS)[number]): Http2HostileRow[] {
  const status = answerOf(path, method)
  const long = String(OUTSIDE.length + 20)
  return [
    {
      name: `${method} ${path} with DATA frames and no content-length, holding a request`,
      send: { method, path, data: [OUTSIDE.slice(0, 10), OUTSIDE.slice(10)] },
      status,
      upstream: 'nothing',
    },
    {
      name: `${method} ${path} with a content-length shorter than its DATA frames (H2.CL)`,
      send: { method, path, headers: { 'content-length': '5' }, data: [OUTSIDE] },
      status: [status, 'reset'],
      upstream: 'nothing',
    },
    {
      name: `${method} ${path} with a content-length longer than its DATA frames`,
      send: { method, path, headers: { 'content-length': long }, data: [OUTSIDE] },
      status: [status, 'reset'],
      upstream: 'nothing',
    },
  ]
}

const ROWS: readonly Http2HostileRow[] = [
  // Vite checks no host over https, and the adapter follows it (`mount-proxy.ts`): a rebinding
  // page cannot present the certificate of the developer's TLS server, so the browser never gets
  // that far. The core server and the Fetch host check it anyway.
  {
    name: 'a rebound :authority reads the log',
    statusOn: { 'vite-dev': 200 },
    send: {
      method: 'GET',
      path: '/__sameorigin/api/exchanges',
      headers: { ':authority': 'attacker.example' },
    },
    status: 403,
    upstream: 'nothing',
  },
  ...PATHS.flatMap((path) => METHODS.flatMap((method) => rowsFor(path, method))),
]

describeHttp2Hostile('the inspector’s endpoints', ROWS)
