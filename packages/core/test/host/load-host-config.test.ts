import { describe, expect, it } from 'vitest'
import { useTempWorkspace } from '../config/_temp-workspace.ts'
import { loadHostConfig } from '../../src/host/load-host-config.ts'
import { isProxyError } from '../../src/errors/proxy-error.ts'
import type { ResolvedConfig } from '../../src/types.ts'

const workspace = useTempWorkspace('sameorigin-host-')
const put = workspace.put

/** Each route as `[id, target origin]`. */
function routesOf(config: ResolvedConfig): [string, string][] {
  return config.routes.map((route) => [route.id, route.target.origin])
}

describe('loadHostConfig', () => {
  it("finds the file from the host's root and reads the .env files of the host's mode", async () => {
    put('app/sameorigin.config.mjs', "export default { routes: { '/api': '${API_TARGET}' } }\n")
    put('app/.env.staging', 'API_TARGET=http://127.0.0.1:8002\n')
    put('app/.env.development', 'API_TARGET=http://127.0.0.1:8001\n')
    const resolved = await loadHostConfig({}, { root: `${workspace.dir}/app`, mode: 'staging' })
    expect(routesOf(resolved)).toEqual([['/api', 'http://127.0.0.1:8002']])
  })

  it('merges the inline options over the file, and loads the file named by configFile', async () => {
    put(
      'app/proxy.json',
      JSON.stringify({ routes: { '/api': 'http://127.0.0.1:8001', '/auth': 'http://127.0.0.1:8001' } }),
    )
    const resolved = await loadHostConfig(
      { configFile: 'proxy.json', routes: { '/api': 'http://127.0.0.1:8003' } },
      { root: `${workspace.dir}/app` },
    )
    expect(routesOf(resolved)).toEqual([
      ['/api', 'http://127.0.0.1:8003'],
      ['/auth', 'http://127.0.0.1:8001'],
    ])
  })

  it('configFile: false loads no file; configFile is no config key', async () => {
    put('app/sameorigin.config.mjs', "export default { routes: { '/auth': 'http://127.0.0.1:8001' } }\n")
    const resolved = await loadHostConfig(
      { configFile: false, routes: { '/api': 'http://127.0.0.1:8003' } },
      { root: `${workspace.dir}/app` },
    )
    expect(routesOf(resolved)).toEqual([['/api', 'http://127.0.0.1:8003']])
    expect(resolved.warnings).toEqual([])
  })

  it("reads the env files from the host's envDir, and passes the mode and command to a function config", async () => {
    put(
      'app/sameorigin.config.mjs',
      "export default ({ mode, command }) => ({ routes: { [`/${mode}-${command}`]: '${API_TARGET}' } })\n",
    )
    put('app/env/.env', 'API_TARGET=http://127.0.0.1:8004\n')
    const root = `${workspace.dir}/app`
    const served = await loadHostConfig({}, { root, mode: 'test', envDir: `${root}/env` })
    expect(routesOf(served)).toEqual([['/test-serve', 'http://127.0.0.1:8004']])
    const built = await loadHostConfig({}, { root, mode: 'test', envDir: `${root}/env`, command: 'build' })
    expect(routesOf(built)).toEqual([['/test-build', 'http://127.0.0.1:8004']])
  })

  it('rejects an invalid config with every problem, as loadConfig does', async () => {
    put(
      'sameorigin.config.mjs',
      "export default { routes: { '/auth': { target: 'http://b', changeOrgin: true } } }\n",
    )
    const loading = loadHostConfig({ routes: { '/api': 'localhost:8080' } }, { root: workspace.dir })
    const error: unknown = await loading.catch((caught: unknown) => caught)
    expect(isProxyError(error) && error.code).toBe('ERR_CONFIG_INVALID')
    expect(String((error as Error).message)).toMatch(/2 problems/)
  })
})
