import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempWorkspace } from './_temp-workspace.ts'
import { loadConfig } from '../../src/config/load-config.ts'
import type { ProxyError } from '../../src/errors/proxy-error.ts'

const workspace = useTempWorkspace('sameorigin-load-env-')
const put = workspace.put

afterEach(() => {
  vi.unstubAllEnvs()
})

const CONFIG = "export default { routes: { '/api': '${SAMEORIGIN_TEST_TARGET}' } }\n"

async function targetOf(options: Parameters<typeof loadConfig>[0]): Promise<string> {
  const config = await loadConfig(options)
  return config.routes[0]!.target.origin
}

describe('loadConfig: environment', () => {
  it('reads targets from the env files next to the config file, mode files winning', async () => {
    put('sameorigin.config.ts', CONFIG)
    put('.env', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8101\n')
    put('.env.staging', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8102\n')
    put('.env.staging.local', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8103\n')
    mkdirSync(join(workspace.dir, 'apps/web'), { recursive: true })
    expect(await targetOf({ root: join(workspace.dir, 'apps/web') })).toBe('http://127.0.0.1:8101')
    expect(await targetOf({ root: join(workspace.dir, 'apps/web'), mode: 'staging' })).toBe(
      'http://127.0.0.1:8103',
    )
  })

  it('loads .env.development by default', async () => {
    put('sameorigin.config.ts', CONFIG)
    put('.env', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8104\n')
    put('.env.development', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8105\n')
    expect(await targetOf({ root: workspace.dir })).toBe('http://127.0.0.1:8105')
  })

  it('lets the process environment win over every env file', async () => {
    put('sameorigin.config.ts', CONFIG)
    put('.env.development.local', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8106\n')
    vi.stubEnv('SAMEORIGIN_TEST_TARGET', 'http://127.0.0.1:8107')
    expect(await targetOf({ root: workspace.dir })).toBe('http://127.0.0.1:8107')
  })

  it('reads env files from envDir when given, else from root when there is no config file', async () => {
    put('env/.env', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8108\n')
    put('apps/web/.env', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8109\n')
    const inline = { routes: { '/api': '${SAMEORIGIN_TEST_TARGET}' } }
    expect(await targetOf({ root: join(workspace.dir, 'apps/web'), inline })).toBe('http://127.0.0.1:8109')
    expect(await targetOf({ root: join(workspace.dir, 'apps/web'), envDir: '../../env', inline })).toBe(
      'http://127.0.0.1:8108',
    )
  })

  it('ignores env files in root when the config file lives higher up', async () => {
    put('sameorigin.config.ts', CONFIG)
    put('.env', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8110\n')
    put('apps/web/.env', 'SAMEORIGIN_TEST_TARGET=http://127.0.0.1:8111\n')
    expect(await targetOf({ root: join(workspace.dir, 'apps/web') })).toBe('http://127.0.0.1:8110')
  })

  it('names the env files it read, most specific first, when a variable is missing', async () => {
    put('sameorigin.config.ts', "export default { routes: { '/api': '${SAMEORIGIN_TEST_UNSET}' } }\n")
    const env = put('.env', 'OTHER=1\n')
    const local = put('.env.development.local', 'OTHER=2\n')
    const error = await loadConfig({ root: workspace.dir }).then(
      () => undefined,
      (thrown: unknown) => thrown as ProxyError,
    )
    expect(error?.code).toBe('ERR_CONFIG_INVALID')
    const issue = error?.issues.find((found) => found.code === 'ERR_CONFIG_ENV_MISSING')
    expect(issue?.fix).toContain(`${local}, ${env}`)
  })
})
