import { createError, ERROR_CODES, isErrorCode, readErrorPage } from '@sameorigin/core'
import { didYouMean } from '@sameorigin/core/rules'
import { EXIT } from '../exit-codes.ts'
import type { CommandDefinition } from '../internal/command.ts'
import { printJson } from '../internal/output.ts'

/** `config_invalid`, `err-config-invalid` and `ERR_CONFIG_INVALID` all name the same code. */
function toCode(input: string): string {
  const upper = input.trim().toUpperCase().replaceAll('-', '_')
  return upper.startsWith('ERR_') ? upper : `ERR_${upper}`
}

/**
 * `sameorigin explain ERR_…`: prints the page that explains an error code (why it occurs, how to fix
 * it), read from the pages shipped inside `@sameorigin/core`, so it works offline.
 */
export const explainCommand: CommandDefinition = {
  usage: 'explain <code>',
  description: 'Explain an error code (ERR_…): why it occurs and how to fix it',
  options: [{ flags: '--json', description: 'Print { code, message, hint, status, page }' }],
  examples: ['sameorigin explain ERR_CONFIG_INVALID', 'sameorigin explain ERR_UPSTREAM_UNREACHABLE --json'],
  run: async (args, options, ctx) => {
    const code = toCode(args[0] ?? '')
    if (!isErrorCode(code)) {
      const codes = Object.keys(ERROR_CODES)
      const guess = didYouMean(code, codes)
      throw createError('ERR_CLI_ARGUMENT_INVALID', {
        message: `There is no error code ${args[0] ?? ''}.${guess === undefined ? '' : ` Did you mean ${guess}?`}`,
        hint:
          guess === undefined
            ? `Copy the code from the message (ERR_ and capitals), e.g. sameorigin explain ${codes[0] ?? ''}`
            : `sameorigin explain ${guess}`,
      })
    }
    const page = readErrorPage(code) ?? ''
    const { message, hint, status } = ERROR_CODES[code]
    if (options.json === true) {
      printJson(ctx, { code, message, hint, status, page })
      return EXIT.OK
    }
    const { formatPage } = await import('../explain/format-page.ts')
    ctx.stdout.write(formatPage(page, ctx.colors))
    return EXIT.OK
  },
}
