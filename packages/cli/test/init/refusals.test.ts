// Shapes init cannot edit with certainty: it refuses with ERR_CLI_CONFIG_EDIT_FAILED, names the
// reason, prints the lines to add by hand, and writes nothing.
import { readdirSync } from 'node:fs'
import { isProxyError } from '@sameorigin/core'
import { describe, expect, it } from 'vitest'
import { planInit } from '../../src/init/plan-init.ts'
import { runBin } from '../_bin.ts'
import { makeProject, packageJsonFor, read, VERSION } from './_project.ts'

/** The error planning throws for a project with these files. */
function refusal(files: Record<string, string>): { code: string; message: string } {
  const root = makeProject(files)
  try {
    planInit({ cwd: root, move: true, version: VERSION })
  } catch (error) {
    if (!isProxyError(error)) throw error
    return { code: error.code, message: error.message }
  }
  throw new Error('init did not refuse')
}

const VITE_SNIPPET =
  "  import { sameorigin } from '@sameorigin/vite'\n\n  // in the config object:\n  plugins: [sameorigin()],"

describe('refusals', () => {
  it.each([
    {
      shape: 'a function config with two returns',
      config: `import { defineConfig } from 'vite'
export default defineConfig(({ mode }) => {
  if (mode === 'test') return { plugins: [] }
  return { plugins: [] }
})
`,
      reason: 'it exports a function with 2 return statements, so the config it returns could not be found',
    },
    {
      shape: 'a plugins list built by a call',
      config: `import { defineConfig } from 'vite'
import { plugins } from './plugins.js'
export default defineConfig({ plugins: plugins() })
`,
      reason: '`plugins` is `plugins()`, not an array literal',
    },
    {
      shape: 'a config spread from another object (its plugins would be replaced)',
      config: `import base from './base.config.js'
export default { ...base, server: { port: 3000 } }
`,
      reason: 'its config object spreads another object, whose `plugins` a new key would replace',
    },
    {
      shape: 'a config made by a helper',
      config: `import { createConfig } from '@acme/tooling'
export default createConfig({ app: 'shop' })
`,
      reason: "its config is the result of `createConfig({ app: 'shop' })`",
    },
    {
      shape: 'no default export',
      config: `export const config = {}
`,
      reason: 'it has no `export default`',
    },
    {
      shape: 'a variable that is not a constant',
      config: `let config = {}
config = { plugins: [] }
export default config
`,
      reason: '`config` is not a constant declared in the file',
    },
  ])('$shape', ({ config, reason }) => {
    const error = refusal({ 'package.json': packageJsonFor('vite'), 'vite.config.js': config })
    expect(error.code).toBe('ERR_CLI_CONFIG_EDIT_FAILED')
    expect(error.message).toBe(
      `vite.config.js: ${reason}. Nothing was written. Add sameorigin by hand to vite.config.js:\n\n${VITE_SNIPPET}\n`,
    )
  })

  it('a webpack config exporting several configurations', () => {
    const error = refusal({
      'package.json': packageJsonFor('webpack'),
      'webpack.config.js': `module.exports = [{ name: 'client' }, { name: 'server' }]\n`,
    })
    expect(error.message).toBe(
      "webpack.config.js: it exports several configurations (an array). Nothing was written. Add sameorigin by hand to webpack.config.js:\n\n  const { SameOriginPlugin } = require('@sameorigin/webpack')\n\n  // in the config object:\n  plugins: [new SameOriginPlugin()],\n",
    )
  })

  it('a file that does not parse', () => {
    const error = refusal({ 'package.json': packageJsonFor('vite'), 'vite.config.ts': 'export default {\n' })
    expect(error.code).toBe('ERR_CLI_CONFIG_EDIT_FAILED')
    expect(error.message).toMatch(/^vite\.config\.ts could not be parsed \(Unexpected token/)
  })

  it('a name the plugin needs is taken by something else', () => {
    const error = refusal({
      'package.json': packageJsonFor('vite'),
      'vite.config.ts': `const sameorigin = true
export default { plugins: [] }
`,
    })
    expect(error.message).toMatch(/^vite\.config\.ts: the name `sameorigin` is already used in the file\./)
  })

  it('a webpack project without a config file (its entries and loaders cannot be guessed)', () => {
    const error = refusal({ 'package.json': packageJsonFor('webpack') })
    expect(error.code).toBe('ERR_CLI_CONFIG_EDIT_FAILED')
    expect(error.message).toMatch(
      /^No webpack config file was found in .*\. Nothing was written\. Add sameorigin by hand:/,
    )
  })

  it('a Next config whose default export is a function declaration', () => {
    const error = refusal({
      'package.json': packageJsonFor('next'),
      'next.config.mjs': 'export default function config(phase) {\n  return {}\n}\n',
    })
    expect(error.message).toBe(
      "next.config.mjs: its default export is a function declaration, which cannot be passed to withSameOrigin as written. Nothing was written. Add sameorigin by hand to next.config.mjs:\n\n  import { withSameOrigin } from '@sameorigin/next'\n\n  export default withSameOrigin(nextConfig)\n",
    )
  })

  it('a folder with no tool: ERR_CLI_PROJECT_NOT_DETECTED', () => {
    const error = refusal({ 'package.json': '{ "name": "lib" }\n' })
    expect(error.code).toBe('ERR_CLI_PROJECT_NOT_DETECTED')
  })

  it('through the bin: exit 2, the code, the snippet, the hint and the docs page; every file as it was', async () => {
    const files = {
      'package.json': packageJsonFor('vite'),
      'vite.config.ts': `import { defineConfig } from 'vite'
export default defineConfig({ plugins: makePlugins(), server: { proxy: { '/api': 'http://localhost:8080' } } })
`,
    }
    const root = makeProject(files)
    const result = await runBin(['init', '--yes'], { cwd: root })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(
      'error ERR_CLI_CONFIG_EDIT_FAILED: vite.config.ts: `plugins` is `makePlugins()`',
    )
    expect(result.stderr).toContain(VITE_SNIPPET)
    expect(result.stderr).toContain(
      'hint: Add the plugin by hand as the printed snippet shows; nothing was written.',
    )
    expect(result.stderr).toContain('run: sameorigin explain ERR_CLI_CONFIG_EDIT_FAILED')
    expect(readdirSync(root).toSorted()).toEqual(['.git', 'package.json', 'vite.config.ts'])
    for (const [path, text] of Object.entries(files)) expect(read(root, path)).toBe(text)
  })
})
