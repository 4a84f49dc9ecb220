import type { ErrorCode } from '../errors/codes.ts'
import type { ConfigIssue } from '../types.ts'

/** One config issue; an error unless `severity` says otherwise. */
export function createIssue(
  code: ErrorCode,
  path: string,
  message: string,
  fix?: string,
  severity: ConfigIssue['severity'] = 'error',
): ConfigIssue {
  return { code, severity, path, message, ...(fix === undefined ? {} : { fix }) }
}
