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

/** A `handle` answering `status` with the engine's JSON error for `code`. */
function refuse(matcher: string, code: Parameters<typeof toErrorJson>[0], status: number): string[] {
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
 * What the engine checks before any route: a path that could change which route matches or leave a
 * target's base path (400 `ERR_REQUEST_PATH_UNSAFE`), then a `Host` the app is not served on (403
 * `ERR_REQUEST_HOST_NOT_ALLOWED`, against DNS rebinding; a loopback origin also answers to the other
 * loopback names). First in the site, so no route sees them.
 */
export function toGuardBlocks(origin: URL): string[] {
  const hostname = origin.hostname.replace(/^\[(.*)\]$/, '$1')
  const hosts = LOOPBACK.includes(hostname) ? LOOPBACK : [hostname]
  return [
    '# Unsafe paths, refused as the dev proxy refuses them.',
    `@unsafe_path vars_regexp unsafe {http.request.uri} ${caddyToken(UNSAFE_PATH)}`,
    ...refuse('@unsafe_path', 'ERR_REQUEST_PATH_UNSAFE', 400),
    '',
    '# A Host the app is not served on (DNS rebinding).',
    `@foreign_host not host ${hosts.join(' ')}`,
    ...refuse('@foreign_host', 'ERR_REQUEST_HOST_NOT_ALLOWED', 403),
  ]
}
