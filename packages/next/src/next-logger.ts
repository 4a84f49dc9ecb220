import process from 'node:process'
import type { Logger } from '@sameorigin/core'

// One line on stderr after the prefix, as Next writes its own.
const write =
  (prefix: string) =>
  (...parts: unknown[]): void => {
    process.stderr.write(`${prefix}${parts.map(String).join(' ')}\n`)
  }

/**
 * A logger in the style of Next's own terminal output (`next/dist/build/output/log`: ` ⚠ ` before a
 * warning, ` ⨯ ` before an error). That module is internal to Next and loads only inside it, while
 * next.config must also load in plain Node, so the prefixes are written here.
 */
export function createNextLogger(): Logger {
  return { info: write('   '), warn: write(' ⚠ '), error: write(' ⨯ ') }
}
