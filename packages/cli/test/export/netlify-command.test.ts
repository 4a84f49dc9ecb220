import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { writeProject } from './_project.ts'

const CONFIG = `export default {
  routes: { '/api': { target: '\${API_TARGET:-http://127.0.0.1:8080}', headers: { 'x-api-key': 'k1' } } },
}
`

function project(files: Record<string, string>): string {
  const dir = writeProject('netlify', files)
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const ARGS = ['export', 'netlify', '--origin', 'https://app.example.com']

describe('sameorigin export netlify', () => {
  it('writes netlify.toml from the production targets and prints what Netlify cannot do', async () => {
    const cwd = project({
      'sameorigin.config.mjs': CONFIG,
      '.env': 'API_TARGET=http://127.0.0.1:8080\n',
      '.env.production': 'API_TARGET=https://api.example.com\n',
    })
    const { code, stdout, stderr } = await runBin(ARGS, { cwd })
    expect(code).toBe(0)
    expect(stdout).toContain('✓ wrote netlify.toml')
    expect(stderr).toContain('/api: websockets (ws)')
    const toml = readFileSync(join(cwd, 'netlify.toml'), 'utf8')
    expect(toml).toContain(
      'from = "/api/*"\nto = "https://api.example.com/api/:splat"\nstatus = 200\nforce = true\n',
    )
    expect(toml).toContain('headers = { "x-api-key" = "k1" }')
    expect(toml).toContain('# - /api: websockets (ws)')
  })

  it('--check compares its block: the user may change the rest of netlify.toml', async () => {
    const cwd = project({
      'sameorigin.config.mjs': CONFIG,
      '.env.production': 'API_TARGET=https://api.example.com\n',
      'netlify.toml':
        '[build]\npublish = "dist"\n\n[[redirects]]\nfrom = "/*"\nto = "/index.html"\nstatus = 200\n',
    })
    expect((await runBin([...ARGS, '--check'], { cwd })).code).toBe(1)
    expect((await runBin(ARGS, { cwd })).code).toBe(0)
    const file = join(cwd, 'netlify.toml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('publish = "dist"', 'publish = "build"'))
    const current = await runBin([...ARGS, '--check'], { cwd })
    expect(current.code).toBe(0)
    expect(current.stdout).toContain('✓ netlify.toml is what the config gives')

    writeFileSync(join(cwd, '.env.production'), 'API_TARGET=https://api2.example.com\n')
    const stale = await runBin([...ARGS, '--check'], { cwd })
    expect(stale.code).toBe(1)
    expect(stale.stdout).toContain('✗ netlify.toml differs from what the config gives')
    expect(stale.stdout).toContain('run: sameorigin export netlify --origin https://app.example.com')
    expect((await runBin(ARGS, { cwd })).code).toBe(0)
    const toml = readFileSync(file, 'utf8')
    expect(toml).toContain('publish = "build"')
    expect(toml).toContain('https://api2.example.com/api/:splat')
    expect(toml).not.toContain('https://api.example.com')
    expect(toml.endsWith('[[redirects]]\nfrom = "/*"\nto = "/index.html"\nstatus = 200\n')).toBe(true)
  })
})
