import type { Logger } from '@sameorigin/core'
import { toHostLogger } from '@sameorigin/core'

/** The three methods of Storybook's node logger (`storybook/internal/node-logger`, 9 and 10) the core writes to. */
export interface StorybookNodeLogger {
  readonly info: (message: string) => void
  readonly warn: (message: string) => void
  readonly error: (message: string) => void
}

/**
 * The core's logger over Storybook's node logger: one string per line (Storybook's logger takes no
 * arguments after the message). A failure's line already names its cause, so the `Error` behind it
 * is not printed again.
 */
export function toStorybookLogger(logger: StorybookNodeLogger): Logger {
  return toHostLogger(({ level, message }) => logger[level](String(message)))
}
