// Reading or writing outside a mock folder (CWE-22, CWE-59). A route's mock answers from files named
// after the request path (`GET /api/users/42` → `<dir>/api/users/42/GET.json`) and records answers
// into them, so the request path becomes a file path: dot-dot segments in every encoding, encoded
// separators and backslashes, NUL, over-long segments, names that read as mock files (`GET.json`) or
// parameter folders (`[id]`), Unicode look-alikes and device names (`CON`) must never read a file
// outside the folder, nor write one there, and symbolic links inside the folder that lead out of it
// must not be followed. The sandbox (src/mock-sandbox.ts) puts answers outside the folder at every
// level and links inside it that point out; each row runs on an 'always' route (the backend must
// never be contacted) and on a 'record' route (each recording must land inside the folder), for
// every method and body framing of the request-smuggling tables.
import { describeMockHostile } from '../src/describe-mock-hostile.ts'
import type { MockHostileRow } from '../src/describe-mock-hostile.ts'
import { rawRequest } from '../src/raw-request.ts'

/** Targets below the route's prefix, each an attempt to leave the mock folder. */
const TARGETS: readonly (readonly [string, string])[] = [
  ['raw dot-dot to a sibling', '/../../box/secret'],
  ['raw dot-dot past the root', '/../../../../../../etc'],
  ['encoded dot-dot', '/%2e%2e/%2e%2e/secret'],
  ['half-encoded dot-dot', '/.%2e/.%2e/secret'],
  ['dot-dot with encoded slashes', '/..%2f..%2fsecret'],
  ['encoded dot-dot-slash', '/%2e%2e%2f%2e%2e%2fsecret'],
  ['double-encoded dot-dot', '/%252e%252e/%252e%252e/secret'],
  ['raw backslashes', '/..\\..\\secret'],
  ['encoded backslashes', '/%5c..%5c..%5csecret'],
  ['dot-dot with a path parameter', '/..;/..;/secret'],
  ['NUL in a segment', '/x%00/GET.json'],
  ['a segment named like a mock file', '/GET.json'],
  ['a segment named like a parameter folder', '/[id]'],
  ['an encoded parameter folder name', '/%5Bid%5D'],
  ['a folder link that leads out', '/link'],
  ['below a folder link that leads out', '/link/x'],
  ['a file link that leads out', '/filelink'],
  ['a sibling folder sharing the prefix', '/../../box/mocks-evil'],
  ['fullwidth dots', '/%EF%BC%8E%EF%BC%8E/%EF%BC%8E%EF%BC%8E/secret'],
  ['overlong UTF-8 dots', '/%C0%AE%C0%AE/%C0%AE%C0%AE/secret'],
  ['a right-to-left override', '/%E2%80%AEnosj.TEG'],
  ['a Windows device name', '/CON'],
  ['a Windows device name with an extension', '/nul.json'],
  ['a trailing dot', '/secret.'],
  ['a very long segment', `/${'a'.repeat(4000)}`],
  ['many segments', '/x'.repeat(200)],
  ['a dot-dot query', '/x?q=../../../secret&..=..'],
  ['a query named like a mock file', '/x?GET.json=1&../..='],
]

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
type Framing = 'none' | 'length' | 'chunked'
const FRAMINGS: readonly Framing[] = ['none', 'length', 'chunked']
/** The targets every method and framing runs on; the others run as plain GETs. */
const FULL_MATRIX = new Set([
  'encoded dot-dot',
  'dot-dot with encoded slashes',
  'a folder link that leads out',
  'a segment named like a mock file',
])
const BODY = '{"smuggled":"GET /secret HTTP/1.1"}'

function send(method: string, target: string, framing: Framing): string {
  if (framing === 'none') return rawRequest(method, target)
  if (framing === 'length') return rawRequest(method, target, [`Content-Length: ${BODY.length}`], BODY)
  const chunked = `${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n`
  return rawRequest(method, target, ['Transfer-Encoding: chunked'], chunked)
}

/**
 * What a row may answer: the mock's 404 (or a host's 404 for a target its URL parsing moved off the
 * route), 400 for a path refused as unsafe or a GET/HEAD body, 200 when a recorded route forwarded
 * it (the echo), 414/431 where a host refuses the length first, and Vite's own 204 for an OPTIONS
 * that no route takes once its dot segments are resolved.
 */
function statuses(mode: 'always' | 'record', method: string): number[] {
  const host = method === 'OPTIONS' ? [204] : []
  return mode === 'always' ? [400, 404, 414, 431, ...host] : [200, 400, 404, 414, 431, ...host]
}

const ROWS: MockHostileRow[] = []
for (const mode of ['always', 'record'] as const) {
  const prefix = mode === 'always' ? '/api' : '/rec'
  ROWS.push({
    name: `${mode}: GET ${prefix}/inside, the control row`,
    send: send('GET', `${prefix}/inside`, 'none'),
    mode,
    statuses: mode === 'always' ? [200] : [200],
    inside: mode === 'always',
  })
  for (const [name, target] of TARGETS) {
    const matrix = FULL_MATRIX.has(name)
    for (const method of matrix ? METHODS : (['GET'] as const)) {
      for (const framing of matrix ? FRAMINGS : (['none'] as const)) {
        const body = framing === 'none' ? '' : `, ${framing === 'length' ? 'Content-Length' : 'chunked'} body`
        ROWS.push({
          name: `${mode}: ${method} ${name}${body}`,
          send: send(method, prefix + target, framing),
          mode,
          statuses: statuses(mode, method),
        })
      }
    }
  }
}

describeMockHostile('mock folder escape', ROWS)
