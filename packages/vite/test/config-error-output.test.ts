// A config mistake, as `vite` prints it: Vite's CLI prints a failed start with `util.inspect`, which
// showed the summary, about fifty lines of stack, and every problem again as an object. The summary
// (each problem with its fix), the hint and the docs must come once; the stack only with DEBUG.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createFixture } from './_fixture.ts'

const VITE_BIN = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js')
const PLUGIN = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'index.mjs')).href

/** Runs the real `vite` CLI in `root` until it exits, and resolves with what it printed. */
function runVite(root: string, env: Record<string, string> = {}): Promise<string> {
  const { DEBUG: _debug, ...rest } = process.env
  const child = spawn(process.execPath, [VITE_BIN, '--port', '0', '--strictPort'], {
    cwd: root,
    env: { ...rest, NO_COLOR: '1', ...env },
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) => child.on('close', () => resolve(output)))
}

const BAD_CONFIG = `import { sameorigin } from '${PLUGIN}'
export default {
  plugins: [sameorigin({ configFile: false, routes: { '/api': { target: 'localhost:8080', changeOrgin: true } } })],
}
`

describe('a bad sameorigin config in `vite`', () => {
  it('prints every problem once, with its fix, and no stack', async () => {
    const output = await runVite(createFixture({ 'vite.config.mjs': BAD_CONFIG }))
    expect(output).toContain('ERR_CONFIG_INVALID: Invalid sameorigin config, 2 problems:')
    expect(output).toContain("fix: target: 'http://localhost:8080'")
    expect(output).toContain('run: sameorigin explain ERR_CONFIG_INVALID')
    expect(output.split("routes['/api'].changeOrgin").length - 1).toBe(1)
    expect(output).not.toMatch(/\n\s+at /)
    expect(output).not.toContain('issues: [')
  })

  it('adds the stack with DEBUG=sameorigin:*', async () => {
    const output = await runVite(createFixture({ 'vite.config.mjs': BAD_CONFIG }), { DEBUG: 'sameorigin:*' })
    expect(output).toContain('ERR_CONFIG_INVALID')
    expect(output).toMatch(/\n\s+at /)
  })
})
