import { execFile } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { useTempWorkspace } from './_temp-workspace.ts'
import { loadConfig } from '../../src/config/load-config.ts'
import { isProxyError, type ProxyError } from '../../src/errors/proxy-error.ts'

const workspace = useTempWorkspace('sameorigin-load-errors-')
const put = workspace.put

async function loadError(options: Parameters<typeof loadConfig>[0]): Promise<ProxyError> {
  const error = await loadConfig(options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  if (!isProxyError(error)) throw new Error(`expected a ProxyError, got ${String(error)}`)
  return error
}

const LOADER = fileURLToPath(new URL('../../src/config/load-config.ts', import.meta.url))

/**
 * `loadConfig({ root })` in a plain Node process (the loader's source through jiti), as a dev
 * server runs it: the code, message and hint of what it threw.
 */
async function loadErrorInNode(root: string): Promise<{ code: string; message: string; hint: string }> {
  const script = `
    const { createJiti } = await import('jiti')
    const { loadConfig } = await createJiti(import.meta.url).import(${JSON.stringify(LOADER)})
    const error = await loadConfig({ root: ${JSON.stringify(root)} }).then(() => ({}), (e) => e)
    process.stdout.write(JSON.stringify({ code: error.code, message: error.message, hint: error.hint }))`
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    // pnpm's bin shims put the workspace's hoisted packages on NODE_PATH: a project's config has none.
    env: { ...process.env, NODE_PATH: '' },
  })
  return JSON.parse(stdout) as { code: string; message: string; hint: string }
}

describe('loadConfig: errors', () => {
  it('names the file and the cause when the config has a syntax error', async () => {
    const file = put('sameorigin.config.ts', "export default { routes: { '/api': 'http://127.0.0.1:8201' \n")
    const error = await loadError({ root: workspace.dir })
    expect(error.code).toBe('ERR_CONFIG_LOAD_FAILED')
    expect(error.message).toContain(`Could not load ${file}: `)
    expect(error.cause).toBeInstanceOf(Error)
    expect(error.message).toContain((error.cause as Error).message)
    expect(error.details.file).toBe(file)
    expect(error.docs).toBe('docs/errors/ERR_CONFIG_LOAD_FAILED.md')
  })

  it.each([
    ['invalid JSON', 'sameorigin.config.json', '{ "routes": ', /JSON/],
    [
      'no default export',
      'sameorigin.config.ts',
      'export const config = { routes: {} }\n',
      /no default export/,
    ],
    ['an array', 'sameorigin.config.mjs', 'export default [1]\n', /must export a config object.*an array/],
    ['null', 'sameorigin.config.json', 'null', /must export a config object.*null/],
    [
      'a function returning a string',
      'sameorigin.config.ts',
      "export default () => 'oops'\n",
      /but exports string/,
    ],
    [
      'a function that throws',
      'sameorigin.config.ts',
      "export default () => { throw new Error('no API_URL') }\n",
      /no API_URL/,
    ],
    [
      'a rejected promise',
      'sameorigin.config.mjs',
      "export default Promise.reject(new Error('later'))\n",
      /later/,
    ],
    [
      'a missing import',
      'sameorigin.config.ts',
      "import './missing-module'\nexport default {}\n",
      /missing-module/,
    ],
  ])('fails with ERR_CONFIG_LOAD_FAILED for %s', async (_label, name, content, cause) => {
    const file = put(name, content)
    const error = await loadError({ root: workspace.dir })
    expect(error.code).toBe('ERR_CONFIG_LOAD_FAILED')
    expect(error.message).toContain(file)
    expect(error.message).toMatch(cause)
  })

  it('names a missing @sameorigin/core and the adapter to import defineConfig from', async () => {
    // What pnpm gives a project that installed only @sameorigin/vite: core is not hoisted. Loaded in
    // a plain Node process, as a dev server does: inside vitest its resolver would find the workspace's core.
    put('package.json', JSON.stringify({ devDependencies: { '@sameorigin/vite': '^0.1.0', vite: '^8.0.0' } }))
    const file = put(
      'sameorigin.config.ts',
      "import { defineConfig } from '@sameorigin/core'\nexport default defineConfig({ routes: {} })\n",
    )
    const error = await loadErrorInNode(workspace.dir)
    expect(error.code).toBe('ERR_CONFIG_LOAD_FAILED')
    expect(error.message).toBe(`Could not load ${file}: it imports @sameorigin/core, which cannot be found.`)
    expect(error.hint).toMatchInlineSnapshot(
      `"@sameorigin/core is not installed where the config file can import it (pnpm does not hoist an adapter's dependencies). Import defineConfig from @sameorigin/vite: import { defineConfig } from '@sameorigin/vite', or install it: npm i -D @sameorigin/core."`,
    )
  })

  it('names any other missing package, and a missing relative import', async () => {
    put('sameorigin.config.mjs', "import 'left-pad-missing/sub'\nexport default {}\n")
    const error = await loadErrorInNode(workspace.dir)
    expect(error.message).toMatch(/it imports left-pad-missing, which cannot be found\.$/)
    expect(error.hint).toBe(
      'Install left-pad-missing (npm i -D left-pad-missing), or remove its import from the config file.',
    )
    const file = put('sameorigin.config.mjs', "import './routes-missing.mjs'\nexport default {}\n")
    const relative = await loadError({ root: workspace.dir })
    expect(relative.message).toBe(
      `Could not load ${file}: it imports ./routes-missing.mjs, which cannot be found.`,
    )
    expect(relative.hint).toBe('Check the path ./routes-missing.mjs imported by the config file.')
  })

  it('fails for an explicit config file that does not exist, or has another extension', async () => {
    const missing = await loadError({ root: workspace.dir, configFile: 'nope.config.ts' })
    expect(missing.message).toBe(
      `Could not load ${join(workspace.dir, 'nope.config.ts')}: the file does not exist.`,
    )
    put('proxy.yaml', 'routes: {}\n')
    const yaml = await loadError({ root: workspace.dir, configFile: 'proxy.yaml' })
    expect(yaml.message).toMatch(/"\.yaml" files are not supported/)
    expect(yaml.hint).toMatch(/\.ts, \.mts/)
  })

  it('passes an invalid config through as ERR_CONFIG_INVALID', async () => {
    put('sameorigin.config.ts', "export default { routes: { '/api': 'not a url' } }\n")
    const error = await loadError({ root: workspace.dir })
    expect(error.code).toBe('ERR_CONFIG_INVALID')
    expect(error.issues.length).toBeGreaterThan(0)
  })

  it('returns no routes and one warning when there is no config file and no inline routes', async () => {
    mkdirSync(join(workspace.dir, 'apps/web'), { recursive: true })
    const config = await loadConfig({ root: join(workspace.dir, 'apps/web') })
    expect(config.routes).toEqual([])
    expect(config.configFile).toBeUndefined()
    const [warning, ...rest] = config.warnings.filter((issue) => issue.path === 'routes')
    expect(rest).toEqual([])
    expect(warning).toMatchObject({ code: 'ERR_CONFIG_NOT_FOUND', severity: 'warning', path: 'routes' })
    expect(warning!.message).toContain(join(workspace.dir, 'apps/web'))
    expect(warning!.message).toContain('sameorigin.config.{ts,mts,cts,js,mjs,cjs,json}')
    expect(Object.isFrozen(config)).toBe(true)

    const off = await loadConfig({ root: workspace.dir, configFile: false, inline: { routes: {} } })
    expect(off.warnings.find((issue) => issue.path === 'routes')?.message).toMatch(/turned off/)
  })

  it('does not warn when inline routes are given without a config file', async () => {
    const config = await loadConfig({
      root: workspace.dir,
      inline: { routes: { '/api': 'http://127.0.0.1:8202' } },
    })
    expect(config.warnings).toEqual([])
  })
})
