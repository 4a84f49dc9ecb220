// Request smuggling through the body's framing (CWE-444), read at a raw TCP tap. The request-smuggling
// table checks what an HTTP server upstream records; an HTTP server reads a badly framed body the same
// lenient way the proxy's client wrote it, so here the upstream is a raw TCP tap with a strict parser
// of the test's own (`startTap`): every method, with every way an HTTP/1.1 client can delimit a body
// (none, `Content-Length`, chunked in one piece, chunked in many pieces as a stream of unknown length
// is sent, and bytes after a head that announces no body at all), each body holding a request of its
// own: one outside the route's base path, or a POST whose length would swallow the next client's
// request. Node writes a GET, HEAD, DELETE, OPTIONS or TRACE body that nothing announces raw, so a
// proxy that drops the client's framing (hop-by-hop `Transfer-Encoding`) hands the backend the body
// as a second request on a pooled connection. Every row must leave the tap exactly the expected
// request, framed, then the health check (the "next client"), and no byte after it. A body on GET or
// HEAD is refused (400), TRACE is never forwarded (405). A row that fails names the host whose path
// through the engine let the bytes out: run on every host, the in-process ones and the dev servers of
// the Storybook addon and the Angular builder (each started once for this file).
import { WITH_CHILD_HOSTS } from '../src/dev-servers.ts'
import type { TapHostileRow } from '../src/describe-tap-hostile.ts'
import { describeTapHostile } from '../src/describe-tap-hostile.ts'
import { rawRequest } from '../src/raw-request.ts'

const OUTSIDE = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'
const PIPELINED = 'GET /secret HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'
const CAPTURE = 'POST /base/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 120\r\n\r\n'
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
type Method = (typeof METHODS)[number]

/** `text` as chunks of at most `size` bytes, then the last chunk. */
function chunked(text: string, size = text.length): string {
  let out = ''
  for (let start = 0; start < text.length; start += size) {
    const piece = text.slice(start, start + size)
    out += `${piece.length.toString(16)}\r\n${piece}\r\n`
  }
  return `${out}0\r\n\r\n`
}

/** The refusal a method with a body gets, or `undefined` when it is forwarded. */
function refusal(method: Method): 400 | 405 | undefined {
  if (method === 'TRACE') return 405
  return method === 'GET' || method === 'HEAD' ? 400 : undefined
}

function rowsFor(method: Method): TapHostileRow[] {
  const refused = refusal(method)
  const send = (headers: readonly string[], body: string): string =>
    rawRequest(method, '/v1/x', headers, body)
  const forwarded = (framing: 'length' | 'chunked', body: string): TapHostileRow['upstream'] =>
    refused === undefined ? { target: '/base/x', framing, body } : 'nothing'
  const status = refused ?? 200
  const body = (
    name: string,
    headers: readonly string[],
    sent: string,
    framing: 'length' | 'chunked',
    seen: string,
  ) => ({
    name: `${method} with ${name}`,
    send: send(headers, sent),
    status,
    upstream: forwarded(framing, seen),
  })
  return [
    {
      name: `${method} with no body`,
      send: send([], ''),
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
    body(
      'a Content-Length body holding a request outside the base path',
      [`Content-Length: ${OUTSIDE.length}`],
      OUTSIDE,
      'length',
      OUTSIDE,
    ),
    body(
      'a Content-Length body opening a POST that would swallow the next request',
      [`Content-Length: ${CAPTURE.length}`],
      CAPTURE,
      'length',
      CAPTURE,
    ),
    body(
      'a chunked body (one chunk) holding a request outside the base path',
      ['Transfer-Encoding: chunked'],
      chunked(OUTSIDE),
      'chunked',
      OUTSIDE,
    ),
    body(
      'a stream of unknown length (chunked, 7-byte chunks) holding a request outside the base path',
      ['Transfer-Encoding: chunked'],
      chunked(OUTSIDE, 7),
      'chunked',
      OUTSIDE,
    ),
    body(
      'a stream of unknown length (chunked) opening a POST that would swallow the next request',
      ['Transfer-Encoding: chunked'],
      chunked(CAPTURE, 16),
      'chunked',
      CAPTURE,
    ),
    {
      // No Content-Length and no Transfer-Encoding: the request has no body (RFC 9112 §6.3), so the
      // bytes after its head are the next request on the connection, matched on its own: `/secret`,
      // which no route names (each host answers it as a path nothing takes; only the first status is
      // compared). It closes the connection. (After `Connection: close`, Node refuses any byte with 400.)
      name: `${method} announcing no body, followed by bytes that are a request`,
      send: send(['Connection: keep-alive'], PIPELINED),
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
  ]
}

describeTapHostile('request body framing at a raw TCP tap', METHODS.flatMap(rowsFor), WITH_CHILD_HOSTS)
