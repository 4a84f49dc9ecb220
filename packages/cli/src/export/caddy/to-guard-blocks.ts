import type { ErrorCode } from '@sameorigin/core'
import { caddyToken } from './caddy-token.ts'
import { indent } from './indent.ts'
import { toErrorJson } from './to-error-json.ts'

/**
 * The raw request path (before `?`) holding what the engine refuses: a backslash, raw or `%5C`; `%00`;
 * a double-encoded dot, slash, backslash or NUL (`%252e`); a dot segment, raw or encoded, also next to
 * an encoded slash or carrying a `;` parameter (`/..%2F`, `%2F..`, `/..;/`). Browsers resolve dot
 * segments before sending, so refusing every one costs nothing and leaves Caddy (which matches on the
 * cleaned path) and the backend (which sees the raw one) no room to disagree.
 */
const UNSAFE_PATH = String.raw`^[^?]*(?:\\|%00|%5[cC]|%25(?:2[eEfF]|5[cC]|00)|(?:/|%2[fF])(?:\.|%2[eE]){1,2}(?:/|%2[fF]|;|%3[bB]|\?|$))`

/** Host names a loopback origin also answers to (the engine allows them by default). */
const LOOPBACK = ['localhost', '127.0.0.1', '::1']

const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'
const CONNECT_BODY = 'CONNECT is not supported: sameorigin forwards routes, it opens no tunnels.\n'

/** A `handle` answering `status` with the engine's JSON error for `code`. */
function refuse(matcher: string, code: ErrorCode, status: number): string[] {
  return [
    `handle ${matcher} {`,
    ...indent([
      'header Content-Type "application/json; charset=utf-8"',
      `respond ${caddyToken(toErrorJson(code, false))} ${status}`,
    ]),
    '}',
  ]
}

/**
 * What the engine checks before any route, first in the site so no route sees it: CONNECT (405, no
 * tunnel, the connection closed), TRACE (405), a GET or HEAD carrying a body (400), a path that
 * could change which route matches or leave a target's base path (400), then a `Host` the app is not
 * served on (403, against DNS rebinding; a loopback origin also answers to the other loopback names).
 * Last, the `Connection` each route sends upstream: a body of unknown length (chunked) goes on a
 * connection closed after it, so a backend that misreads its framing cannot take the rest for a
 * second request (request smuggling); upgrades keep theirs.
 */
export function toGuardBlocks(origin: URL): string[] {
  const hostname = origin.hostname.replace(/^\[(.*)\]$/, '$1')
  const hosts = LOOPBACK.includes(hostname) ? LOOPBACK : [hostname]
  return [
    '# Refused before any route, as the dev proxy refuses them.',
    '@connect method CONNECT',
    'handle @connect {',
    ...indent([
      `header Allow ${caddyToken(ALLOW)}`,
      `respond ${caddyToken(CONNECT_BODY)} 405 {`,
      '\tclose',
      '}',
    ]),
    '}',
    '@trace method TRACE',
    ...refuse('@trace', 'ERR_REQUEST_METHOD_NOT_ALLOWED', 405),
    '@body_without_meaning {',
    ...indent(['method GET HEAD', 'header_regexp Content-Length ^0*[1-9]']),
    '}',
    ...refuse('@body_without_meaning', 'ERR_REQUEST_BODY_NOT_ALLOWED', 400),
    // Go's server hides a chunked body's Transfer-Encoding from matchers: reading more than a byte
    // of it fails (413, answered 400 by handle_errors), before anything is sent upstream.
    '# A chunked body on GET or HEAD: refused once read (400, from handle_errors).',
    '@get_or_head method GET HEAD',
    'request_body @get_or_head {',
    '\tmax_size 1',
    '}',
    `@unsafe_path vars_regexp unsafe {http.request.uri} ${caddyToken(UNSAFE_PATH)}`,
    ...refuse('@unsafe_path', 'ERR_REQUEST_PATH_UNSAFE', 400),
    `@foreign_host not host ${hosts.join(' ')}`,
    ...refuse('@foreign_host', 'ERR_REQUEST_HOST_NOT_ALLOWED', 403),
    '',
    '# The upstream Connection: close after a body of unknown length (no request smuggling).',
    '@upgrade header Upgrade *',
    '@unframed {',
    ...indent(['not header Content-Length *', 'not method GET HEAD', 'not header Upgrade *']),
    '}',
    'vars sameorigin_connection keep-alive',
    'vars @upgrade sameorigin_connection Upgrade',
    'vars @unframed sameorigin_connection close',
  ]
}
