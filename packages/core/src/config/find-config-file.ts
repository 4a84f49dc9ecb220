import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

/**
 * The config file names, in same-directory precedence: TypeScript first (the documented form), then
 * JavaScript, then JSON.
 */
export const CONFIG_FILE_NAMES: readonly string[] = Object.freeze([
  'sameorigin.config.ts',
  'sameorigin.config.mts',
  'sameorigin.config.cts',
  'sameorigin.config.js',
  'sameorigin.config.mjs',
  'sameorigin.config.cjs',
  'sameorigin.config.json',
])

/**
 * Finds the `sameorigin.config.*` that applies to `root`: the first one found in `root` or a parent
 * directory, searching no higher than the workspace root (the first directory with
 * `pnpm-workspace.yaml`, a `package.json` declaring `workspaces`, or `.git`), which is searched too.
 * One team config at the repository root then serves every app below it, while a config in a parent
 * outside the repository (a home directory) is never picked up.
 * @returns the absolute path of the file, or `undefined` when there is none.
 * @example findConfigFile('/repo/apps/web') // '/repo/sameorigin.config.ts'
 */
export function findConfigFile(root: string): string | undefined {
  let dir = resolve(root)
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name)
      if (isFile(file)) return file
    }
    const parent = dirname(dir)
    if (isWorkspaceRoot(dir) || parent === dir) return undefined
    dir = parent
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function isWorkspaceRoot(dir: string): boolean {
  // `.git` is a directory in a clone but a file in worktrees and submodules: either counts.
  if (existsSync(join(dir, 'pnpm-workspace.yaml')) || existsSync(join(dir, '.git'))) return true
  const manifest = join(dir, 'package.json')
  if (!isFile(manifest)) return false
  try {
    const pkg: unknown = JSON.parse(readFileSync(manifest, 'utf8'))
    return typeof pkg === 'object' && pkg !== null && 'workspaces' in pkg && pkg.workspaces != null
  } catch {
    // A broken package.json is the package manager's error to report, not ours; keep searching.
    return false
  }
}
