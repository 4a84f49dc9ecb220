import process from 'node:process'
import type { Logger } from '@sameorigin/core'
import type { CompilerLike } from './dev-server.ts'

const PREFIX = '[sameorigin] '

/** The core's lines without its `[sameorigin] ` tag, which the infrastructure logger adds itself. */
function strip(message: unknown): unknown {
  return typeof message === 'string' && message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message
}

/**
 * The compiler's infrastructure logger named `sameorigin` (what the dev servers log through, so
 * `infrastructureLogging.level` / `.console` apply), as the console-shaped `Logger` the core writes
 * to. That logger already tags each line `[sameorigin]`, so the core's own prefix is dropped.
 * Without a compiler, `console`.
 */
export function toHostLogger(compiler: CompilerLike | undefined): Logger {
  const logger = compiler?.getInfrastructureLogger?.('sameorigin')
  if (logger === undefined) return globalThis.console
  return {
    info: (message?: unknown, ...rest: unknown[]) => logger.info(strip(message), ...rest),
    warn: (message?: unknown, ...rest: unknown[]) => logger.warn(strip(message), ...rest),
    error: (message?: unknown, ...rest: unknown[]) => logger.error(strip(message), ...rest),
  }
}

/**
 * The compiler the dev server belongs to: for a multi-compiler the child with `devServer`, else the
 * first (as the dev servers choose). Its `context` and `mode` select the config and its env files.
 */
export function findDevServerCompiler(compiler: CompilerLike | undefined): CompilerLike | undefined {
  const children = compiler?.compilers
  if (children === undefined) return compiler
  return children.find((child) => child.options.devServer) ?? children[0]
}

/** The mode for `.env.[mode]`: webpack's `mode`, else `NODE_ENV`, else `development`. */
export function toMode(compiler: CompilerLike | undefined): string {
  const mode = compiler?.options.mode
  return typeof mode === 'string' && mode !== 'none' ? mode : (process.env.NODE_ENV ?? 'development')
}
