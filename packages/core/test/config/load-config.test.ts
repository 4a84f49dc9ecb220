import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTempWorkspace } from './_temp-workspace.ts'
import { loadConfig } from '../../src/config/load-config.ts'
import type { ResolvedConfig } from '../../src/types.ts'

const DEFINE_CONFIG = fileURLToPath(new URL('../../src/config/define-config.ts', import.meta.url))

const workspace = useTempWorkspace('sameorigin-load-')
const put = workspace.put

afterEach(() => {
  vi.unstubAllEnvs()
})

/** Each route as `[id, target origin + base path]`. */
function routesOf(config: ResolvedConfig): [string, string][] {
  return config.routes.map((route) => [route.id, `${route.target.origin}${route.target.basePath}`])
}

describe('loadConfig: files', () => {
  it.each([
    [
      'sameorigin.config.ts',
      "const target: string = 'http://127.0.0.1:8001'\nexport default { routes: { '/api': target } }\n",
    ],
    [
      'sameorigin.config.mts',
      "export default { routes: { '/api': 'http://127.0.0.1:8001' } } satisfies object\n",
    ],
    ['sameorigin.config.cts', "export default { routes: { '/api': 'http://127.0.0.1:8001' } as const }\n"],
    ['sameorigin.config.js', "export default { routes: { '/api': 'http://127.0.0.1:8001' } }\n"],
    ['sameorigin.config.mjs', "export default { routes: { '/api': 'http://127.0.0.1:8001' } }\n"],
    ['sameorigin.config.cjs', "module.exports = { routes: { '/api': 'http://127.0.0.1:8001' } }\n"],
    [
      'sameorigin.config.json',
      '{ "$schema": "./schema.json", "routes": { "/api": "http://127.0.0.1:8001" } }',
    ],
  ])('loads %s found from a nested root', async (name, content) => {
    const file = put(name, content)
    mkdirSync(join(workspace.dir, 'apps/web'), { recursive: true })
    const config = await loadConfig({ root: join(workspace.dir, 'apps/web') })
    expect(config.configFile).toBe(file)
    expect(routesOf(config)).toEqual([['/api', 'http://127.0.0.1:8001']])
    expect(config.warnings).toEqual([])
  })

  it('accepts defineConfig from core', async () => {
    put(
      'sameorigin.config.ts',
      `import { defineConfig } from ${JSON.stringify(DEFINE_CONFIG)}\n` +
        "export default defineConfig({ logLevel: 'warn', routes: { '/api': 'http://127.0.0.1:8002' } })\n",
    )
    const config = await loadConfig({ root: workspace.dir })
    expect(config.logLevel).toBe('warn')
    expect(routesOf(config)).toEqual([['/api', 'http://127.0.0.1:8002']])
  })

  it('calls a default-exported function with the mode and command, and awaits it', async () => {
    put(
      'sameorigin.config.ts',
      'export default async ({ mode, command }: { mode: string; command?: string }) => ({\n' +
        "  routes: { [`/${mode}`]: 'http://127.0.0.1:8003', [`/${command}`]: 'http://127.0.0.1:8004' },\n" +
        '})\n',
    )
    const config = await loadConfig({ root: workspace.dir, mode: 'staging', command: 'serve' })
    expect(routesOf(config)).toEqual([
      ['/staging', 'http://127.0.0.1:8003'],
      ['/serve', 'http://127.0.0.1:8004'],
    ])
    const byDefault = await loadConfig({ root: workspace.dir })
    expect(byDefault.routes[0]!.id).toBe('/development')
  })

  it('loads an explicit configFile relative to root, and none with configFile: false', async () => {
    put('sameorigin.config.ts', "export default { routes: { '/found': 'http://127.0.0.1:8005' } }\n")
    const other = put(
      'config/proxy.mjs',
      "export default { routes: { '/other': 'http://127.0.0.1:8006' } }\n",
    )
    const explicit = await loadConfig({ root: workspace.dir, configFile: 'config/proxy.mjs' })
    expect(explicit.configFile).toBe(other)
    expect(routesOf(explicit)).toEqual([['/other', 'http://127.0.0.1:8006']])

    const inlineOnly = await loadConfig({
      root: workspace.dir,
      configFile: false,
      inline: { routes: { '/inline': 'http://127.0.0.1:8007' } },
    })
    expect(inlineOnly.configFile).toBeUndefined()
    expect(routesOf(inlineOnly)).toEqual([['/inline', 'http://127.0.0.1:8007']])
  })

  it('sees edits to the file and to what it imports on the next load', async () => {
    put('target.ts', "export const target = 'http://127.0.0.1:8008'\n")
    const file = put(
      'sameorigin.config.ts',
      "import { target } from './target'\nexport default { routes: { '/api': target } }\n",
    )
    expect(routesOf(await loadConfig({ root: workspace.dir }))).toEqual([['/api', 'http://127.0.0.1:8008']])

    put('target.ts', "export const target = 'http://127.0.0.1:8009'\n")
    expect(routesOf(await loadConfig({ root: workspace.dir }))).toEqual([['/api', 'http://127.0.0.1:8009']])
    writeFileSync(file, "import { target } from './target'\nexport default { routes: { '/v2': target } }\n")
    expect(routesOf(await loadConfig({ root: workspace.dir }))).toEqual([['/v2', 'http://127.0.0.1:8009']])
  })

  it.each([
    [
      'sameorigin.config.mjs',
      (port: number) => `export default { routes: { '/api': 'http://127.0.0.1:${port}' } }\n`,
    ],
    [
      'sameorigin.config.cjs',
      (port: number) => `module.exports = { routes: { '/api': 'http://127.0.0.1:${port}' } }\n`,
    ],
    [
      'sameorigin.config.js',
      (port: number) => `export default { routes: { '/api': 'http://127.0.0.1:${port}' } }\n`,
    ],
  ])(
    'sees edits to %s on the next load (no module cache answers with the first version)',
    async (name, source) => {
      put(name, source(8001))
      expect(routesOf(await loadConfig({ root: workspace.dir }))).toEqual([['/api', 'http://127.0.0.1:8001']])
      put(name, source(8002))
      expect(routesOf(await loadConfig({ root: workspace.dir }))).toEqual([['/api', 'http://127.0.0.1:8002']])
    },
  )
})

describe('loadConfig: inline options', () => {
  it('merges inline options over the file key by key', async () => {
    put(
      'sameorigin.config.ts',
      "export default { logLevel: 'debug', routes: { '/api/auth': 'http://127.0.0.1:8010', '/api': 'http://127.0.0.1:8011' } }\n",
    )
    const config = await loadConfig({
      root: workspace.dir,
      inline: {
        logLevel: 'error',
        routes: { '/api': 'http://127.0.0.1:8012', '/graphql': 'http://127.0.0.1:8013' },
      },
    })
    expect(config.logLevel).toBe('error')
    expect(routesOf(config)).toEqual([
      ['/graphql', 'http://127.0.0.1:8013'],
      ['/api/auth', 'http://127.0.0.1:8010'],
      ['/api', 'http://127.0.0.1:8012'],
    ])
  })

  it('keeps file keys the inline options leave out', async () => {
    put(
      'sameorigin.config.ts',
      "export default { logLevel: 'warn', routes: { '/api': 'http://127.0.0.1:8014' } }\n",
    )
    const config = await loadConfig({ root: workspace.dir, inline: { logLevel: undefined } })
    expect(config.logLevel).toBe('warn')
    expect(routesOf(config)).toEqual([['/api', 'http://127.0.0.1:8014']])
  })
})
