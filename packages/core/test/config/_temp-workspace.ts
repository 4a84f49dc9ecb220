import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'

/** A temp folder per test, removed after it. */
export interface TempWorkspace {
  /** The folder of the current test. */
  readonly dir: string
  /** Writes `content` to `path` (relative to `dir`, parents created) and returns the absolute path. */
  put: (path: string, content: string) => string
}

/**
 * Registers hooks giving every test its own temp folder that is a workspace root of its own
 * (`pnpm-workspace.yaml`), so config discovery never walks up into /tmp or beyond.
 */
export function useTempWorkspace(prefix: string): TempWorkspace {
  let current: string | undefined
  beforeEach(() => {
    current = mkdtempSync(join(tmpdir(), prefix))
    writeFileSync(join(current, 'pnpm-workspace.yaml'), "packages: ['apps/*']\n")
  })
  afterEach(() => {
    if (current) rmSync(current, { recursive: true, force: true })
    current = undefined
  })
  const workspace: TempWorkspace = {
    get dir() {
      if (current === undefined) throw new Error('useTempWorkspace: dir is only available inside a test')
      return current
    },
    put: (path, content) => {
      const file = join(workspace.dir, path)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, content)
      return file
    },
  }
  return workspace
}
