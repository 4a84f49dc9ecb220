import process from 'node:process'
import type { CompilerLike } from './dev-server.ts'

/** The mode for `.env.[mode]`: webpack's `mode`, else `NODE_ENV`, else `development`. */
export function toMode(compiler: CompilerLike | undefined): string {
  const mode = compiler?.options.mode
  return typeof mode === 'string' && mode !== 'none' ? mode : (process.env.NODE_ENV ?? 'development')
}
