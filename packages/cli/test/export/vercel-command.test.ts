import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { writeProject } from './_project.ts'

const CONFIG = `export default {
  routes: {
    '/api': { target: '\${API_TARGET:-http://127.0.0.1:8080}', headers: { 'x-api-key': 'k1' } },
  },
}
`

function project(files: Record<string, string>): string {
  const dir = writeProject('vercel', files)
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const ARGS = ['export', 'vercel', '--origin', 'https://app.example.com']

describe('sameorigin export vercel', () => {
  it('writes vercel.json from the production targets and prints what Vercel cannot do', async () => {
    const cwd = project({
      'sameorigin.config.mjs': CONFIG,
      '.env': 'API_TARGET=http://127.0.0.1:8080\n',
      '.env.production': 'API_TARGET=https://api.example.com\n',
    })
    const { code, stdout, stderr } = await runBin(ARGS, { cwd })
    expect(code).toBe(0)
    expect(stdout).toContain('✓ wrote vercel.json')
    expect(stdout).toContain('✓ wrote sameorigin-export-vercel.md')
    expect(stderr).toContain('cannot be expressed by this target')
    expect(stderr).toContain('/api: Set-Cookie rewriting (cookies)')
    const json = JSON.parse(readFileSync(join(cwd, 'vercel.json'), 'utf8')) as {
      rewrites: { destination: string; transforms?: { args?: string }[] }[]
    }
    expect(json.rewrites.map((rewrite) => rewrite.destination)).toContain(
      'https://api.example.com/api/:path*',
    )
    expect(json.rewrites[0]?.transforms?.[0]?.args).toBe('k1')
    expect(readFileSync(join(cwd, 'sameorigin-export-vercel.md'), 'utf8')).toContain('websockets (ws)')
  })

  it('--check compares the rewrites it owns: the user may change the rest', async () => {
    const cwd = project({
      'sameorigin.config.mjs': CONFIG,
      '.env.production': 'API_TARGET=https://api.example.com\n',
    })
    expect((await runBin(ARGS, { cwd })).code).toBe(0)
    expect((await runBin([...ARGS, '--check'], { cwd })).code).toBe(0)

    // The user's own settings and SPA fallback, after the export: still current.
    const file = join(cwd, 'vercel.json')
    const json = JSON.parse(readFileSync(file, 'utf8')) as { rewrites: object[] }
    const edited = {
      cleanUrls: true,
      rewrites: [...json.rewrites, { source: '/(.*)', destination: '/index.html' }],
    }
    writeFileSync(file, `${JSON.stringify(edited, null, 2)}\n`)
    const current = await runBin([...ARGS, '--check'], { cwd })
    expect(current.code).toBe(0)
    expect(current.stdout).toContain('✓ vercel.json is what the config gives')

    // Another production target: the owned rewrites are stale; writing again keeps the user's part.
    writeFileSync(join(cwd, '.env.production'), 'API_TARGET=https://api2.example.com\n')
    const stale = await runBin([...ARGS, '--check'], { cwd })
    expect(stale.code).toBe(1)
    expect(stale.stdout).toContain('✗ vercel.json differs from what the config gives')
    expect(readFileSync(file, 'utf8')).toContain('https://api.example.com')
    expect((await runBin(ARGS, { cwd })).code).toBe(0)
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as {
      cleanUrls: boolean
      rewrites: { destination: string }[]
    }
    expect(rewritten.cleanUrls).toBe(true)
    expect(rewritten.rewrites.at(-1)?.destination).toBe('/index.html')
    expect(JSON.stringify(rewritten)).not.toContain('https://api.example.com')
  })

  it('--json prints the files and the losses', async () => {
    const cwd = project({ 'sameorigin.config.mjs': CONFIG })
    const { code, stdout } = await runBin([...ARGS, '--json', '--check'], { cwd })
    expect(code).toBe(1)
    const result = JSON.parse(stdout) as {
      target: string
      files: { path: string; status: string }[]
      losses: { route?: string }[]
    }
    expect(result.target).toBe('vercel')
    expect(result.files).toEqual([
      { path: 'vercel.json', status: 'missing' },
      { path: 'sameorigin-export-vercel.md', status: 'missing' },
    ])
    expect(result.losses.length).toBeGreaterThan(3)
  })
})
