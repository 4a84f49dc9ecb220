import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadEnv } from '../../src/config/load-env.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sameorigin-env-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
  vi.unstubAllEnvs()
})

function put(files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
}

/** Every env file, each setting ONLY_<file> and a shared WHO. */
const ALL = {
  '.env': 'WHO=env\nONLY_ENV=1\n',
  '.env.local': 'WHO=env.local\nONLY_LOCAL=1\n',
  '.env.development': 'WHO=env.development\nONLY_MODE=1\n',
  '.env.development.local': 'WHO=env.development.local\nONLY_MODE_LOCAL=1\n',
  '.env.test': 'WHO=env.test\n',
  '.env.test.local': 'WHO=env.test.local\n',
}

describe('loadEnv', () => {
  it('loads the four files with later files winning, as Vite does', () => {
    put(ALL)
    const { env, files } = loadEnv('development', dir, {})
    expect(env).toEqual({
      WHO: 'env.development.local',
      ONLY_ENV: '1',
      ONLY_LOCAL: '1',
      ONLY_MODE: '1',
      ONLY_MODE_LOCAL: '1',
    })
    expect(files).toEqual(
      ['.env', '.env.local', '.env.development', '.env.development.local'].map((f) => join(dir, f)),
    )
  })

  it.each([
    ['.env.development.local', 'env.development'],
    ['.env.development', 'env.local'],
    ['.env.local', 'env'],
  ])('without %s the next file down wins', (missing, expected) => {
    const some: Record<string, string> = { ...ALL }
    for (const name of ['.env.development.local', '.env.development', '.env.local']) {
      delete some[name]
      if (name === missing) break
    }
    put(some)
    expect(loadEnv('development', dir, {}).env.WHO).toBe(expected)
  })

  it('loads only .env and .env.local without a mode', () => {
    put(ALL)
    const { env, files } = loadEnv(undefined, dir, {})
    expect(env.WHO).toBe('env.local')
    expect(files).toEqual([join(dir, '.env'), join(dir, '.env.local')])
  })

  it('skips .env.local in test mode but keeps .env.test.local', () => {
    put(ALL)
    const { env, files } = loadEnv('test', dir, {})
    expect(env.WHO).toBe('env.test.local')
    expect(env.ONLY_LOCAL).toBeUndefined()
    expect(files).toEqual(['.env', '.env.test', '.env.test.local'].map((f) => join(dir, f)))
  })

  it('lets the process environment win over every file and keeps its other variables', () => {
    put(ALL)
    const { env } = loadEnv('development', dir, { WHO: 'shell', SHELL_ONLY: 'yes', UNSET: undefined })
    expect(env.WHO).toBe('shell')
    expect(env.SHELL_ONLY).toBe('yes')
    expect(env.ONLY_MODE_LOCAL).toBe('1')
    expect('UNSET' in env).toBe(false)
  })

  it('reads process.env by default', () => {
    put({ '.env': 'SAMEORIGIN_TEST_WHO=file\nSAMEORIGIN_TEST_OTHER=file\n' })
    vi.stubEnv('SAMEORIGIN_TEST_WHO', 'shell')
    const { env } = loadEnv(undefined, dir)
    expect(env.SAMEORIGIN_TEST_WHO).toBe('shell')
    expect(env.SAMEORIGIN_TEST_OTHER).toBe('file')
  })

  it('parses quotes, comments and multi-line values with util.parseEnv', () => {
    put({ '.env': '# a comment\nA="has # hash"\nB=\'single\'\nC="line1\\nline2"\nD=plain # trailing\n' })
    const { env } = loadEnv(undefined, dir, {})
    expect(env).toEqual({ A: 'has # hash', B: 'single', C: 'line1\nline2', D: 'plain' })
  })

  it('returns nothing from a folder without env files, and ignores a directory named .env', () => {
    mkdirSync(join(dir, '.env'))
    expect(loadEnv('development', dir, {})).toEqual({ env: {}, files: [] })
  })

  it('refuses the mode "local"', () => {
    let thrown: unknown
    try {
      loadEnv('local', dir, {})
    } catch (error) {
      thrown = error
    }
    expect(isProxyError(thrown) && thrown.code).toBe('ERR_CONFIG_VALUE_INVALID')
    expect((thrown as Error).message).toMatch(/"local"/)
  })
})
