import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** What an existing folder may hold and still count as empty: the repository the app may live in. */
const KEPT = new Set(['.git'])

/** Whether `dir` is missing or holds nothing but a `.git` folder: scaffolding there loses nothing. */
export function isEmptyDir(dir: string): boolean {
  try {
    return readdirSync(dir).every((name) => KEPT.has(name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw error
  }
}

/** Removes everything in `dir` but its `.git` folder (what `--force` and the overwrite answer do). */
export function emptyDir(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (!KEPT.has(name)) rmSync(join(dir, name), { recursive: true, force: true })
  }
}
