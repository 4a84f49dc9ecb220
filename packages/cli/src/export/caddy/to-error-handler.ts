import type { ErrorCode } from '@sameorigin/core'
import { caddyToken } from './caddy-token.ts'
import { indent } from './indent.ts'
import { toErrorJson } from './to-error-json.ts'

/** Caddy's status for a failed upstream, and the engine's code for it. */
const FAILURES: readonly (readonly [number, ErrorCode, string])[] = [
  [502, 'ERR_UPSTREAM_UNREACHABLE', 'upstream_down'],
  [504, 'ERR_UPSTREAM_TIMEOUT', 'upstream_timeout'],
]

/**
 * `handle_errors`: a backend Caddy cannot reach (502) or that stays silent past the route's timeout
 * (504) is answered with the engine's JSON error, naming the route and its target, instead of
 * Caddy's empty body; a body on GET or HEAD too large to read (413) is the engine's 400. Other errors
 * keep Caddy's answer.
 */
export function toErrorHandler(): string[] {
  // A GET or HEAD body past `request_body`'s limit (see toGuardBlocks): the engine's 400.
  const body = [
    '@body_on_get_or_head {',
    ...indent(['method GET HEAD', `expression \`{err.status_code} == 413\``]),
    '}',
    'handle @body_on_get_or_head {',
    ...indent([
      'header Content-Type "application/json; charset=utf-8"',
      `respond ${caddyToken(toErrorJson('ERR_REQUEST_BODY_NOT_ALLOWED', false))} 400`,
    ]),
    '}',
  ]
  const blocks = FAILURES.flatMap(([status, code, name]) => [
    `@${name} expression \`{err.status_code} == ${status}\``,
    `handle @${name} {`,
    ...indent([
      'header Content-Type "application/json; charset=utf-8"',
      `respond ${caddyToken(toErrorJson(code, true))} ${status}`,
    ]),
    '}',
  ])
  return ['handle_errors {', ...indent([...body, ...blocks]), '}']
}
