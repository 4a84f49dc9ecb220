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
 * Caddy's empty body. Other errors keep Caddy's answer.
 */
export function toErrorHandler(): string[] {
  const blocks = FAILURES.flatMap(([status, code, name]) => [
    `@${name} expression \`{err.status_code} == ${status}\``,
    `handle @${name} {`,
    ...indent([
      'header Content-Type "application/json; charset=utf-8"',
      `respond ${caddyToken(toErrorJson(code, true))} ${status}`,
    ]),
    '}',
  ])
  return ['handle_errors {', ...indent(blocks), '}']
}
