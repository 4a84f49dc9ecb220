import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff'
import type { CommandContext } from '../context.ts'

/** A unified diff of one file (`--- /dev/null` for a new one), three lines of context. */
export function formatDiff(path: string, before: string | undefined, after: string): string {
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${path}`,
    `b/${path}`,
    before ?? '',
    after,
    undefined,
    undefined,
    {
      context: 3,
      headerOptions: FILE_HEADERS_ONLY,
    },
  )
}

/** `diff` with the colours `git diff` uses: file headers bold, hunks cyan, removals red, additions green. */
export function colorDiff(diff: string, colors: CommandContext['colors']): string {
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return colors.bold(line)
      if (line.startsWith('@@')) return colors.cyan(line)
      if (line.startsWith('+')) return colors.green(line)
      if (line.startsWith('-')) return colors.red(line)
      return line
    })
    .join('\n')
}
