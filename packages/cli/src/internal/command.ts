import type { CommandContext } from '../context.ts'

/** One option of a command, as cac declares it. */
export interface OptionDefinition {
  /** cac's flag syntax: `--origin <origin>`, `--json`, `-p, --port <port>`. */
  readonly flags: string
  readonly description: string
  /** Repeatable: the option's value is always a list (`--header A --header B`). */
  readonly repeatable?: boolean
  readonly default?: string | number | boolean
}

/**
 * A verb of the `sameorigin` command. `cli.ts` registers every definition with cac and calls `run`
 * with the parsed arguments; `run` returns the exit code (see `exit-codes.ts`) and never exits itself.
 */
export interface CommandDefinition {
  /** cac's command syntax: `doctor <url>`, `init`, `print`. */
  readonly usage: string
  readonly description: string
  readonly options: readonly OptionDefinition[]
  /** Shown under `--help`. */
  readonly examples: readonly string[]
  /**
   * Runs the command. `args` are the positional arguments in `usage` order; `options` are cac's
   * parsed options (camelCased keys; repeatable ones are arrays). Heavy modules are imported inside,
   * so `sameorigin --help` stays fast.
   */
  readonly run: (
    args: readonly string[],
    options: Readonly<Record<string, unknown>>,
    ctx: CommandContext,
  ) => Promise<number>
}
