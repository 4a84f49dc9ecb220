import process from 'node:process'
import type { Logger } from '@sameorigin/core'
import type { HostLogLevel } from '@sameorigin/core/rules'
import { toHostLogger } from '@sameorigin/core/rules'

/** What Next writes before a line of each level. */
const PREFIXES: Readonly<Record<HostLogLevel, string>> = { info: '   ', warn: ' ⚠ ', error: ' ⨯ ' }

/**
 * A logger in the style of Next's own terminal output (`next/dist/build/output/log`: ` ⚠ ` before a
 * warning, ` ⨯ ` before an error), one line on stderr per call. That module is internal to Next and
 * loads only inside it, while next.config must also load in plain Node, so the prefixes are written
 * here. This imports the core's main entry: `withSameOrigin` imports it only once it loads the config.
 */
export function createNextLogger(): Logger {
  return toHostLogger(({ level, message, args }) => {
    process.stderr.write(`${PREFIXES[level]}${[message, ...args].map(String).join(' ')}\n`)
  })
}
