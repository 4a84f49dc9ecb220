import type { Logger, LogLevel } from '../types.ts'

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 }

/** A logger that drops lines below `level`, and says whether per-request lines are on. */
export interface LevelLogger extends Logger {
  readonly level: LogLevel
  /** Per-request lines (`logLevel: 'debug'`); printed through `info` of the underlying logger. */
  readonly debug: ((message: string) => void) | undefined
}

/** Options for {@link createLogger}. */
export interface CreateLoggerOptions {
  /** Written before every line. @default '[sameorigin]' */
  prefix?: string
  /** Where lines go: the host's logger. */
  logger: Logger
}

/** Wraps the host's logger with a level and the `[sameorigin]` prefix. */
export function createLogger(level: LogLevel, options: CreateLoggerOptions): LevelLogger {
  const { logger } = options
  const prefix = options.prefix ?? '[sameorigin]'
  const on = (at: LogLevel): boolean => RANK[at] >= RANK[level]
  const line = (message: unknown): string => (prefix ? `${prefix} ${String(message)}` : String(message))
  return {
    level,
    debug: on('debug') ? (message) => logger.info(line(message)) : undefined,
    info: (message?: unknown, ...rest: unknown[]) => {
      if (on('info')) logger.info(line(message), ...rest)
    },
    warn: (message?: unknown, ...rest: unknown[]) => {
      if (on('warn')) logger.warn(line(message), ...rest)
    },
    error: (message?: unknown, ...rest: unknown[]) => {
      if (on('error')) logger.error(line(message), ...rest)
    },
  }
}
