// Request smuggling from HTTP/2 to an HTTP/1.1 backend (H2.CL, H2.TE; James Kettle, "HTTP/2: The
// Sequel is Always Smuggling", 2021). HTTP/2 delimits a body by its DATA frames; `content-length` is
// only advice. A proxy that forwards such a body to HTTP/1.1 without framing it (Node writes an
// unannounced GET, HEAD, DELETE, OPTIONS or TRACE body raw), or that trusts a `content-length` the
// frames contradict, hands the backend bytes it reads as a second request: one outside the route's
// base path, or a POST that swallows the next client's request. A same-origin page can send such a
// body with `fetch(url, { method: 'DELETE', body: stream, duplex: 'half' })` to an HTTPS dev server.
// The upstream is a raw TCP tap with a strict parser (`startTap`), which reads what was really
// written: every row must leave it exactly the expected request (or none), then the health check.
import type { Http2HostileRow } from '../src/describe-http2-hostile.ts'
import { describeHttp2Hostile } from '../src/describe-http2-hostile.ts'
import { HOST_NAMES } from '../src/dev-servers.ts'

const OUTSIDE = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'
const CAPTURE = 'POST /base/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 120\r\n\r\n'
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
type Method = (typeof METHODS)[number]

/** The refusal a method with a body gets, or `undefined` when it is forwarded. */
function refusal(method: Method): 400 | 405 | undefined {
  if (method === 'TRACE') return 405
  return method === 'GET' || method === 'HEAD' ? 400 : undefined
}

function rowsFor(method: Method): Http2HostileRow[] {
  const refused = refusal(method)
  const path = '/v1/x'
  const forwarded = (framing: 'length' | 'chunked', body: string): Http2HostileRow['upstream'] =>
    refused === undefined ? { target: '/base/x', framing, body } : 'nothing'
  const status = refused ?? 200
  // A Web `Request` cannot carry a GET or HEAD body: srvx hands the Fetch transport none and never
  // reads the DATA frames, so with no `content-length` to give the body away the proxy sees a
  // bodiless request and forwards exactly that, inside the route. The frames reach no upstream.
  const unseenBody: Pick<Http2HostileRow, 'statusOn' | 'upstreamOn'> =
    method === 'GET' || method === 'HEAD'
      ? {
          statusOn: { 'fetch-transport': 200 },
          upstreamOn: { 'fetch-transport': { target: '/base/x', framing: 'none', body: '' } },
        }
      : {}
  return [
    {
      name: `${method} ending the stream on its HEADERS frame (no body)`,
      send: { method, path },
      status: method === 'TRACE' ? 405 : 200,
      upstream:
        method === 'TRACE'
          ? 'nothing'
          : {
              target: '/base/x',
              framing: method === 'GET' || method === 'HEAD' ? 'none' : 'length',
              body: '',
            },
    },
    {
      name: `${method} with DATA frames and no content-length, holding a request outside the base path`,
      send: { method, path, data: [OUTSIDE.slice(0, 10), OUTSIDE.slice(10)] },
      status,
      upstream: forwarded('chunked', OUTSIDE),
      ...unseenBody,
    },
    {
      name: `${method} with DATA frames and no content-length, opening a POST that would swallow the next request`,
      send: { method, path, data: [CAPTURE] },
      status,
      upstream: forwarded('chunked', CAPTURE),
      ...unseenBody,
    },
    {
      name: `${method} with a content-length that matches its DATA frames`,
      send: { method, path, headers: { 'content-length': String(OUTSIDE.length) }, data: [OUTSIDE] },
      status,
      upstream: forwarded('length', OUTSIDE),
    },
    {
      // nghttp2 resets the stream at the first byte past the declared length; the bytes up to it
      // must not reach the backend as a complete request either.
      name: `${method} with a content-length shorter than its DATA frames (H2.CL)`,
      send: {
        method,
        path,
        headers: { 'content-length': '5' },
        data: [OUTSIDE.slice(0, 5), OUTSIDE.slice(5)],
      },
      status: refused === undefined ? 'reset' : [refused, 'reset'],
      upstream: 'nothing',
      // `ng serve` runs on Node 24, whose nghttp2 answers the extra byte with GOAWAY (a session error)
      // rather than Node 20's RST_STREAM: the stream is reset all the same, and the next request goes
      // on a new session.
      sessionEndsOn: ['angular-dev'],
    },
    {
      name: `${method} with a content-length longer than its DATA frames`,
      send: { method, path, headers: { 'content-length': '100' }, data: [OUTSIDE] },
      status: refused === undefined ? 'reset' : [refused, 'reset'],
      upstream: 'nothing',
    },
  ]
}

// Every host that serves HTTP/2, `ng serve --ssl` included (Vite's secure server, with the engine as
// Angular's first extension middleware). Storybook's `--https` is Node's https.createServer, HTTP/1.1
// only: it has no HTTP/2 rows.
describeHttp2Hostile('HTTP/2 request smuggling', METHODS.flatMap(rowsFor), [...HOST_NAMES, 'angular-dev'])
