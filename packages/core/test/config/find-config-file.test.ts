import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import process from 'node:process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONFIG_FILE_NAMES, findConfigFile } from '../../src/config/find-config-file.ts'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sameorigin-find-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Writes `content` at `path` below the temp dir, creating folders, and returns the absolute path. */
function put(path: string, content = 'export default {}\n'): string {
  const file = join(dir, path)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
  return file
}

describe('findConfigFile', () => {
  it('finds the config in root itself', () => {
    put('pnpm-workspace.yaml', "packages: ['*']\n")
    const file = put('sameorigin.config.ts')
    expect(findConfigFile(dir)).toBe(file)
  })

  it('searches upward from a nested app to the workspace root', () => {
    put('pnpm-workspace.yaml', "packages: ['apps/*']\n")
    const file = put('sameorigin.config.ts')
    mkdirSync(join(dir, 'apps/web/src'), { recursive: true })
    expect(findConfigFile(join(dir, 'apps/web/src'))).toBe(file)
  })

  it('prefers the nearest config over one higher up', () => {
    put('.git/HEAD', 'ref: refs/heads/main\n')
    put('sameorigin.config.ts')
    const near = put('apps/web/sameorigin.config.json', '{}')
    expect(findConfigFile(join(dir, 'apps/web'))).toBe(near)
  })

  it.each([
    ['pnpm-workspace.yaml', 'pnpm-workspace.yaml', "packages: ['*']\n"],
    ['a package.json with workspaces', 'package.json', '{ "workspaces": ["apps/*"] }'],
    ['a .git directory', '.git/HEAD', 'ref: refs/heads/main\n'],
    ['a .git file (worktree)', '.git', 'gitdir: /elsewhere/.git/worktrees/repo\n'],
  ])('stops at the workspace root marked by %s', (_label, marker, content) => {
    put('sameorigin.config.ts') // outside the workspace: must not be found
    put(`repo/${marker}`, content)
    mkdirSync(join(dir, 'repo/apps/web'), { recursive: true })
    expect(findConfigFile(join(dir, 'repo/apps/web'))).toBeUndefined()
  })

  it('searches the workspace root itself', () => {
    put('sameorigin.config.ts')
    put('repo/package.json', '{ "workspaces": ["apps/*"] }')
    const file = put('repo/sameorigin.config.mjs')
    mkdirSync(join(dir, 'repo/apps/web'), { recursive: true })
    expect(findConfigFile(join(dir, 'repo/apps/web'))).toBe(file)
  })

  it('does not stop at a package.json without workspaces, or with a broken one', () => {
    put('pnpm-workspace.yaml', "packages: ['*']\n")
    const file = put('sameorigin.config.ts')
    put('apps/web/package.json', '{ "name": "web" }')
    put('apps/admin/package.json', '{ "name": ')
    expect(findConfigFile(join(dir, 'apps/web'))).toBe(file)
    expect(findConfigFile(join(dir, 'apps/admin'))).toBe(file)
  })

  it('takes the extensions in the documented order within one directory', () => {
    put('.git/HEAD', 'ref: refs/heads/main\n')
    const order = ['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json']
    expect(CONFIG_FILE_NAMES).toEqual(order.map((ext) => `sameorigin.config.${ext}`))
    // Write them in reverse so the order on disk cannot decide; then remove the winner each round.
    const files = order.toReversed().map((ext) => put(`sameorigin.config.${ext}`))
    for (const file of files.toReversed()) {
      expect(findConfigFile(dir)).toBe(file)
      rmSync(file)
    }
    expect(findConfigFile(dir)).toBeUndefined()
  })

  it('ignores a directory that has a config file name', () => {
    put('.git/HEAD', 'ref: refs/heads/main\n')
    mkdirSync(join(dir, 'sameorigin.config.ts'))
    const file = put('sameorigin.config.js')
    expect(findConfigFile(dir)).toBe(file)
  })

  it('accepts a relative root', () => {
    put('.git/HEAD', 'ref: refs/heads/main\n')
    const file = put('sameorigin.config.cts')
    mkdirSync(join(dir, 'app'))
    expect(findConfigFile(relative(process.cwd(), join(dir, 'app')))).toBe(file)
  })
})
