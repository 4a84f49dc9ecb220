import { join } from 'node:path'
import { loadConfig } from '@sameorigin/core'
import { describe, expect, it, vi } from 'vitest'
import { templateDir } from '../src/templates.ts'
import { makeTmpDir, TEMPLATE_ROWS } from './_cli.ts'

// What every dev server does first: load sameorigin.config.ts and .env through the core (loadConfig
// finds the file, reads the env files and runs resolveConfig). The template must resolve with no
// warning and forward /api to the demo backend.
describe.each(TEMPLATE_ROWS)('template-%s: sameorigin.config.ts + .env', (_name, template) => {
  it('resolves without warnings to /api → the demo backend', async () => {
    // The process environment wins over .env: keep a developer's own API_TARGET out of the test.
    vi.stubEnv('API_TARGET', undefined)
    const config = await loadConfig({ root: templateDir(template), mode: 'development', command: 'serve' })
    expect(config.warnings).toEqual([])
    expect(config.configFile).toBe(join(templateDir(template), 'sameorigin.config.ts'))
    expect(config.routes.map((route) => [route.id, route.target.href])).toEqual([
      ['/api', 'http://127.0.0.1:4020/'],
    ])
  })

  it('takes API_TARGET from .env: without it the config is refused, naming the variable', async () => {
    vi.stubEnv('API_TARGET', undefined)
    const noEnvFiles = makeTmpDir()
    await expect(
      loadConfig({ root: templateDir(template), envDir: noEnvFiles, mode: 'development' }),
    ).rejects.toThrow(/API_TARGET/)
  })
})
