// Reading or writing outside a mock folder over HTTP/2 (CWE-22, CWE-59): the rows of
// mock-folder-escape.test.ts that leave the folder by dot segments, encoded separators and links,
// sent as HTTP/2 streams with every method and body framing of the HTTP/2 request-smuggling table
// (no body; DATA frames without content-length; a matching, a shorter and a longer
// content-length). A ':path' is not parsed by an HTTP/1.1 request line, so the same targets reach
// the pipeline by another road; none may read or write outside the folder, and an 'always' route
// must never contact the backend, whatever the body does.
import type { Http2MockHostileRow } from '../src/describe-http2-mock-hostile.ts'
import { describeHttp2MockHostile } from '../src/describe-http2-mock-hostile.ts'

const TARGETS: readonly (readonly [string, string])[] = [
  ['encoded dot-dot', '/%2e%2e/%2e%2e/secret'],
  ['dot-dot with encoded slashes', '/..%2f..%2fsecret'],
  ['a folder link that leads out', '/link/x'],
  ['a segment named like a mock file', '/GET.json'],
  ['raw dot-dot', '/../../box/secret'],
]
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const
const BODY = 'GET /secret HTTP/1.1\r\nHost: localhost\r\n\r\n'

type Framing = readonly [string, Pick<Http2MockHostileRow['send'], 'headers' | 'data'>]
const FRAMINGS: readonly Framing[] = [
  ['no body', {}],
  ['DATA frames without content-length', { data: [BODY.slice(0, 10), BODY.slice(10)] }],
  ['a matching content-length', { headers: { 'content-length': String(BODY.length) }, data: [BODY] }],
  [
    'a content-length shorter than its DATA frames',
    { headers: { 'content-length': '5' }, data: [BODY.slice(0, 5), BODY.slice(5)] },
  ],
  ['a content-length longer than its DATA frames', { headers: { 'content-length': '100' }, data: [BODY] }],
]

/**
 * The mock's 404, 400 for an unsafe path or a GET/HEAD body, 405 for TRACE, 200 from the echo when a
 * record route forwards, Vite's 204 for an OPTIONS no route takes, and a reset for a body that
 * contradicts its content-length.
 */
const ALLOWED: readonly (number | 'reset')[] = [400, 404, 405, 204, 'reset']

const ROWS: Http2MockHostileRow[] = []
for (const mode of ['always', 'record'] as const) {
  const prefix = mode === 'always' ? '/api' : '/rec'
  for (const [name, target] of TARGETS)
    for (const method of METHODS)
      for (const [framing, frames] of FRAMINGS)
        ROWS.push({
          name: `${mode}: ${method} ${name}, ${framing}`,
          send: { method, path: prefix + target, ...frames },
          mode,
          statuses: mode === 'always' ? ALLOWED : [...ALLOWED, 200],
        })
}

describeHttp2MockHostile('mock folder escape', ROWS)
