import type { Logger } from '@sameorigin/core'
import type { CapturedLogs, LogLine } from './types.ts'

/** A logger (`info`, `warn`, `error`, as core and Vite call them) that keeps every line. */
export function captureLogs(): CapturedLogs & Logger {
  const lines: LogLine[] = []
  const push =
    (level: LogLine['level']) =>
    (message?: unknown): void => {
      lines.push({ level, message: String(message) })
    }
  return {
    lines,
    text: () => lines.map((line) => line.message).join('\n'),
    clear: () => void lines.splice(0),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  }
}
