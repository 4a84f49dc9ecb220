import type { Logger } from '../types.ts'

/** What `createLogger` puts before every line by default; a host logger that names its lines itself drops it. */
const TAG = '[sameorigin] '

/** The three levels the core writes at. */
export type HostLogLevel = 'info' | 'warn' | 'error'

/** One line the core writes, as {@link toHostLogger} hands it to the host's logger. */
export interface HostLogLine {
  readonly level: HostLogLevel
  /**
   * The message as the core passed it (a string, for every line the core writes), without the
   * `[sameorigin] ` tag when `untag` is set.
   */
  readonly message: unknown
  /** The arguments after the message, as passed (the engine adds the `Error` behind a failure). */
  readonly args: readonly unknown[]
  /** The first `Error` among `args`, for a host that takes it apart from the text (Vite's `{ error }`). */
  readonly error: Error | undefined
}

/** Options for {@link toHostLogger}. */
export interface ToHostLoggerOptions {
  /**
   * Take the core's `[sameorigin] ` tag off the start of each message, for a host logger that already
   * names the lines it prints (webpack's infrastructure logger `sameorigin`).
   * @default false
   */
  readonly untag?: boolean
}

/**
 * The console-shaped `Logger` the core writes to, over a host's own logger: every line goes to
 * `write` with its level, message and arguments, and `write` calls the host's method the way that host
 * takes it (one string and options for Vite, `(message, ...args)` for rslog and webpack, a prefixed
 * line on stderr for Next).
 * @example
 * const logger = toHostLogger(({ level, message, args }) => api.logger[level](message, ...args))
 */
export function toHostLogger(write: (line: HostLogLine) => void, options: ToHostLoggerOptions = {}): Logger {
  const untag = options.untag === true
  const at =
    (level: HostLogLevel) =>
    (message?: unknown, ...args: unknown[]): void => {
      const text =
        untag && typeof message === 'string' && message.startsWith(TAG) ? message.slice(TAG.length) : message
      write({ level, message: text, args, error: args.find((arg): arg is Error => arg instanceof Error) })
    }
  return { info: at('info'), warn: at('warn'), error: at('error') }
}
