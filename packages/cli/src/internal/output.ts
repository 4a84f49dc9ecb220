import type { Logger, ProxyError } from '@sameorigin/core'
import { formatIssues, isProxyError, toExplainCommand } from '@sameorigin/core'
import type { CommandContext } from '../context.ts'

/** Writes `text` and a newline to stdout. */
export function printLine(ctx: CommandContext, text = ''): void {
  ctx.stdout.write(`${text}\n`)
}

/** Writes `value` as indented JSON (what `--json` prints: one document on stdout, nothing else). */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

/**
 * Prints an error the way every command does, on stderr: the code and message, every config issue,
 * the hint and the command that prints the page explaining the code (offline). Anything that is not a `ProxyError` is a bug of ours
 * or of the system (a full disk): its message and stack are printed as they are.
 */
export function printError(ctx: CommandContext, error: unknown): void {
  const { red, dim, bold } = ctx.colors
  if (!isProxyError(error)) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
    ctx.stderr.write(`${red('error')} ${text}\n`)
    return
  }
  const lines = [`${red('error')} ${bold(error.code)}: ${error.message}`]
  if (error.issues.length > 0 && !listsIssues(error.message, error.issues))
    lines.push(formatIssues(error.issues))
  lines.push(`${dim('hint:')} ${error.hint}`, `${dim('run:')} ${toExplainCommand(error.code)}`)
  ctx.stderr.write(`${lines.join('\n')}\n`)
}

/**
 * An error as `--json` prints it: `{ error: { code, message, hint, docs } }`. Anything that is not a
 * `ProxyError` (a bug, a full disk) has no code: `{ error: { code: null, message } }`.
 */
export function toErrorJson(error: unknown): { error: Record<string, string | null> } {
  if (!isProxyError(error)) {
    return { error: { code: null, message: error instanceof Error ? error.message : String(error) } }
  }
  const { code, message, hint, docs } = error
  return { error: { code, message, hint, docs } }
}

/**
 * Reports a failure: on stderr as {@link printError} does and, with `--json`, as one JSON document on
 * stdout too, so a script reading stdout always gets exactly one document, error or not.
 */
export function printFailure(ctx: CommandContext, error: unknown, json: boolean): void {
  if (json) printJson(ctx, toErrorJson(error))
  printError(ctx, error)
}

/**
 * True when `message` already holds the issue lines (`ERR_CONFIG_INVALID` from `resolveConfig` is
 * written by `formatIssues`): printing them again would show every problem twice.
 */
function listsIssues(message: string, issues: ProxyError['issues']): boolean {
  const body = formatIssues(issues).split('\n').slice(1).join('\n')
  return message.includes(body)
}

/**
 * A `Logger` for the core (route tables, warnings, failed requests): information on stdout, warnings
 * and errors on stderr, coloured by level.
 */
export function createCliLogger(ctx: CommandContext): Logger {
  const { yellow, red } = ctx.colors
  return {
    info: (message: string) => void ctx.stdout.write(`${message}\n`),
    warn: (message: string) => void ctx.stderr.write(`${yellow(message)}\n`),
    error: (message: string) => void ctx.stderr.write(`${red(message)}\n`),
  }
}
