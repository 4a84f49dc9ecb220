import type { CapturedLogs, LogLine } from './types.ts'

/**
 * The lines a server process has written so far, read back as a host's logs: `read` gives all of it
 * (a log file, the child's captured output), `clear()` starts from its current end, and `level` says
 * what each non-empty line is (nginx's `[error]`, Caddy's JSON `level`).
 */
export function tailLogs(read: () => string, level: (line: string) => LogLine['level']): CapturedLogs {
  let offset = read().length
  const lines = (): LogLine[] =>
    read()
      .slice(offset)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((message) => ({ level: level(message), message }))
  return {
    get lines() {
      return lines()
    },
    text: () =>
      lines()
        .map((line) => line.message)
        .join('\n'),
    clear: () => void (offset = read().length),
  }
}
