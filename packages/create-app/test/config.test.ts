import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { loadConfig } from '@sameorigin/core'
import { describe, expect, it, vi } from 'vitest'
import type { Template } from '../src/templates.ts'
import { templateDir } from '../src/templates.ts'
import { makeTmpDir, TEMPLATE_ROWS } from './_cli.ts'

/**
 * Where the template's config is loaded from: its own folder when this package can import the
 * template's adapter, else a copy whose `defineConfig` import names the core (every adapter
 * re-exports the core's; test/templates.test.ts checks the template imports its adapter). The
 * framework adapters are not dependencies of this package: their own tests load them.
 */
function configRoot(template: Template): string {
  try {
    createRequire(import.meta.url).resolve(template.adapter)
    return templateDir(template)
  } catch {
    const root = makeTmpDir()
    const text = readFileSync(join(templateDir(template), 'sameorigin.config.ts'), 'utf8')
    writeFileSync(
      join(root, 'sameorigin.config.ts'),
      text.replace(`from '${template.adapter}'`, "from '@sameorigin/core'"),
    )
    copyFileSync(join(templateDir(template), '.env'), join(root, '.env'))
    return root
  }
}

// What every dev server does first: load sameorigin.config.ts and .env through the core (loadConfig
// finds the file, reads the env files and runs resolveConfig). The template must resolve with no
// warning and forward /api to the demo backend.
describe.each(TEMPLATE_ROWS)('template-%s: sameorigin.config.ts + .env', (_name, template) => {
  it('resolves without warnings to /api → the demo backend', async () => {
    // The process environment wins over .env: keep a developer's own API_TARGET out of the test.
    vi.stubEnv('API_TARGET', undefined)
    const root = configRoot(template)
    const config = await loadConfig({ root, mode: 'development', command: 'serve' })
    expect(config.warnings).toEqual([])
    expect(config.configFile).toBe(join(root, 'sameorigin.config.ts'))
    expect(config.routes.map((route) => [route.id, route.target.href])).toEqual([
      ['/api', 'http://127.0.0.1:4020/'],
    ])
  })

  it('takes API_TARGET from .env: without it the config is refused, naming the variable', async () => {
    vi.stubEnv('API_TARGET', undefined)
    const noEnvFiles = makeTmpDir()
    await expect(
      loadConfig({ root: configRoot(template), envDir: noEnvFiles, mode: 'development' }),
    ).rejects.toThrow(/API_TARGET/)
  })
})
