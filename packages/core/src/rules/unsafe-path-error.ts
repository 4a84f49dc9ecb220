import type { ProxyError } from '../errors/proxy-error.ts'
import { createError } from '../errors/proxy-error.ts'

/** Why a request path was refused; goes into `details.reason` (never the path itself, which is hostile). */
export type UnsafePathReason =
  | 'not-absolute'
  | 'control-character'
  | 'nul'
  | 'backslash'
  | 'encoded-backslash'
  | 'malformed-escape'
  | 'double-encoding'
  | 'encoded-slash-dot-segment'
  | 'dot-segment-parameter'
  | 'fragment'
  | 'outside-base-path'

const MESSAGES: Readonly<Record<UnsafePathReason, string>> = {
  'not-absolute': 'The request path does not start with "/".',
  'control-character': 'The request target contains a control character.',
  nul: 'The request path contains a NUL byte.',
  backslash: 'The request path contains a backslash.',
  'encoded-backslash': 'The request path contains an encoded backslash (%5C).',
  'malformed-escape': 'The request path contains a "%" that does not start a %XX escape.',
  'double-encoding': 'The request path contains a double-encoded dot, slash, backslash or NUL (%25…).',
  'encoded-slash-dot-segment': 'The request path hides a "." or ".." segment behind an encoded slash (%2F).',
  'dot-segment-parameter': 'The request path contains a ".." or "." segment with a ";" parameter.',
  fragment: 'The request path contains a "#".',
  'outside-base-path': "The rewritten path leaves the target's base path.",
}

/** The `ERR_REQUEST_PATH_UNSAFE` error for `reason` (the engine answers it with 400). */
export function createUnsafePathError(reason: UnsafePathReason, route?: string): ProxyError {
  return createError('ERR_REQUEST_PATH_UNSAFE', { message: MESSAGES[reason], details: { reason, route } })
}
