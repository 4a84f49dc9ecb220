// What the live reload tests share: edits on disk, the lines a reload prints, and which upstream answered.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LogLine } from './_vite.ts'

/** How long a reload may take to show (a bound, not a timing assertion), and a test with a few of them. */
export const WAIT = { timeout: 8000, interval: 20 }
export const TIMEOUT = 20_000

/** Writes a file of the fixture, as an editor saving it would; returns its path. */
export function writeFile(root: string, name: string, text: string): string {
  const file = join(root, name)
  writeFileSync(file, text)
  return file
}

/** The `[sameorigin] <file> changed: …` lines a reload printed. */
export function changeLines(lines: readonly LogLine[]): string[] {
  return lines
    .filter((line) => line.level === 'info' && /^\[sameorigin\] \S+ changed: /.test(line.message))
    .map((line) => line.message)
}

/** The lines a bad edit printed. */
export function problemLines(lines: readonly LogLine[]): string[] {
  return lines
    .filter((line) => line.level === 'error' && line.message.includes('the last good one keeps serving'))
    .map((line) => line.message)
}
