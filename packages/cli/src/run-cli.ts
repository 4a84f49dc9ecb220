import { createRequire } from 'node:module'
import { createError } from '@sameorigin/core'
import { cac } from 'cac'
import { COMMANDS } from './commands/index.ts'
import type { CommandContext } from './context.ts'
import { createContext } from './context.ts'
import { EXIT } from './exit-codes.ts'
import type { CommandDefinition } from './internal/command.ts'
import { printFailure } from './internal/output.ts'

// src/ and dist/ are both one level below the package root.
const { version } = createRequire(import.meta.url)('../package.json') as { version: string }

/** cac reports its own argument errors (missing `<url>`, unknown option) with this name. */
function isCacError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'CACError'
}

function commandName(definition: CommandDefinition): string {
  return definition.usage.split(' ')[0] ?? definition.usage
}

/**
 * Runs `sameorigin` with `argv` (the arguments after the program name) and resolves to the exit code.
 * Never exits the process: `cli.ts` does, with the code this returns.
 * @example
 * const code = await runCli(['check', '--json'], createContext({ cwd: '/path/to/app' }))
 */
export async function runCli(
  argv: readonly string[],
  ctx: CommandContext = createContext(),
): Promise<number> {
  const cli = cac('sameorigin')
  let outcome: Promise<number> | undefined

  for (const definition of COMMANDS) {
    const command = cli.command(definition.usage, definition.description)
    for (const option of definition.options) {
      const config = {
        ...(option.repeatable === true ? { type: [] as unknown[] } : {}),
        ...(option.default === undefined ? {} : { default: option.default }),
      }
      command.option(option.flags, option.description, config)
    }
    for (const example of definition.examples) command.example(example)
    command.action((...values: unknown[]) => {
      // cac passes the positional arguments first and the parsed options last.
      const options = values.pop() as Record<string, unknown>
      const args = values.flatMap((value) => (value === undefined ? [] : [String(value)]))
      outcome = definition.run(args, options, ctx)
    })
  }
  cli.help()
  cli.version(version)

  let json = false
  try {
    const parsed = cli.parse(['node', 'sameorigin', ...argv], { run: false })
    json = parsed.options.json === true
    if (parsed.options.help === true || parsed.options.version === true) return EXIT.OK
    if (cli.matchedCommand === undefined) {
      if (parsed.args.length === 0) {
        cli.outputHelp()
        return EXIT.OK
      }
      const known = COMMANDS.map(commandName).join(', ')
      throw createError('ERR_CLI_ARGUMENT_INVALID', {
        message: `Unknown command "${String(parsed.args[0])}". The commands are: ${known}.`,
        hint: 'Run sameorigin --help for what each command does.',
      })
    }
    await cli.runMatchedCommand()
    return await (outcome ?? Promise.resolve(EXIT.OK))
  } catch (error) {
    if (isCacError(error)) {
      const name = cli.matchedCommand?.name
      printFailure(
        ctx,
        createError('ERR_CLI_ARGUMENT_INVALID', {
          message: `${error.message.replace(/\.$/, '')}.`,
          hint: `Run sameorigin ${name === undefined || name === '' ? '' : `${name} `}--help for the arguments and an example.`,
        }),
        json || argv.includes('--json'),
      )
      return EXIT.FAILED
    }
    // With --json, stdout still holds exactly one document: the error, for the script reading it.
    printFailure(ctx, error, json)
    return EXIT.FAILED
  }
}
