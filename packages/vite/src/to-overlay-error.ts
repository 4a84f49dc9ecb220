import type { ProxyError } from '@sameorigin/core'
import { toExplainCommand } from '@sameorigin/core'
import type { ErrorPayload } from 'vite'

/**
 * A config problem as Vite's error overlay shows it (the `err` of an `{ type: 'error' }` HMR payload):
 * `[plugin:sameorigin]`, the code and message (every config problem with its path and fix), the file,
 * and where the stack would be, the hint and the command that explains the code. A stack trace of the
 * loader would say nothing about a config mistake.
 * @example toOverlayError(error, '/app/sameorigin.config.ts') // { plugin: 'sameorigin', message: 'ERR_CONFIG_INVALID: …', … }
 */
export function toOverlayError(problem: ProxyError, file: string | undefined): ErrorPayload['err'] {
  const stack = [
    `hint: ${problem.hint}`,
    'The last good config keeps serving until an edit fixes this.',
    `run: ${toExplainCommand(problem.code)}`,
  ].join('\n')
  return {
    message: `${problem.code}: ${problem.message}`,
    stack,
    plugin: 'sameorigin',
    ...(file === undefined ? {} : { id: file }),
  }
}
