/**
 * A failure the user can fix, said in one message that names the fix. The command line prints the
 * message (no stack trace) and exits with `exitCode`.
 */
export class CliError extends Error {
  /** The process exit code. @default 1 */
  readonly exitCode: number

  constructor(message: string, exitCode = 1) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}
