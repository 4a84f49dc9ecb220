import { basename, relative, sep } from 'node:path'
import { formatDiff } from './format-diff.ts'
import type { FileChange } from './plan-init.ts'

/** A file init writes, with its diff, relative to `cwd`. */
export function fileChange(cwd: string, file: string, before: string | undefined, after: string): FileChange {
  const path = relativePath(cwd, file)
  const action = before === undefined ? 'created' : before === after ? 'unchanged' : 'modified'
  return {
    path,
    absolutePath: file,
    action,
    diff: action === 'unchanged' ? '' : formatDiff(path, before, after),
    after,
  }
}

/** `file` relative to `cwd`, with forward slashes (as shown to users and in JSON). */
export function relativePath(cwd: string, file: string): string {
  return relative(cwd, file).split(sep).join('/') || basename(file)
}
