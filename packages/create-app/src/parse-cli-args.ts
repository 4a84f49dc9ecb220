import { parseArgs } from 'node:util'
import { CliError } from './cli-error.ts'

/** The command line, read. */
export interface CliArgs {
  /** Where to create the app, as given; asked for (or the default) when left out. */
  readonly dir: string | undefined
  /** `--template`: a template name, not yet checked against the list. */
  readonly template: string | undefined
  /** `--force`: empty a non-empty folder without asking. */
  readonly force: boolean
  /** `--help`. */
  readonly help: boolean
}

/**
 * Reads `[folder] [--template <name>] [--force] [--help]` (with `-t`, `-f`, `-h`).
 * @throws CliError for an unknown option, an option without its value, or more than one folder.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    // Node's own message for an unknown option explains `--` for positionals: not what a user needs here.
    const { code, message } = error as NodeJS.ErrnoException
    const option = /'([^']+)'/.exec(message)?.[1]
    const problem =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `Unknown option ${option}.`
        : message.replace(/([^.])$/, '$1.')
    throw new CliError(`${problem} Run create-sameorigin --help for the options.`)
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) {
    throw new CliError(
      `Expected one folder, got ${positionals.length}: ${positionals.join(' ')}. Quote a folder name with spaces.`,
    )
  }
  return {
    dir: positionals[0],
    template: values.template,
    force: values.force ?? false,
    help: values.help ?? false,
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      template: { type: 'string', short: 't' },
      force: { type: 'boolean', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
