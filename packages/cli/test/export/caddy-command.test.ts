// `sameorigin export caddy` as users run it: the real bin, a config whose target comes from
// .env.production, the Caddyfile written, `--check`, and the losses printed and written.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runBin } from '../_bin.ts'

describe('sameorigin export caddy', () => {
  let dir: string
  const args = ['export', 'caddy', '--origin', 'https://app.example.com', '--static', 'dist']

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sameorigin-export-caddy-'))
    await writeFile(
      join(dir, 'sameorigin.config.mjs'),
      [
        'export default {',
        '  routes: {',
        "    '/api': { target: '${API_TARGET}', headers: () => ({ authorization: 'x' }) },",
        '  },',
        '}',
      ].join('\n'),
    )
    await writeFile(join(dir, '.env.production'), 'API_TARGET=https://api.example.com/v1\n')
    await writeFile(join(dir, '.env'), 'API_TARGET=http://127.0.0.1:8080\n')
  })
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  it('writes the Caddyfile from the production targets, and prints and writes the losses', async () => {
    const run = await runBin(args, { cwd: dir })
    expect(run.stderr).toContain('request headers computed per request')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('wrote Caddyfile')
    const caddyfile = await readFile(join(dir, 'Caddyfile'), 'utf8')
    expect(caddyfile).toContain('reverse_proxy https://api.example.com:443 {')
    expect(caddyfile).toContain('uri path_regexp')
    expect(caddyfile).toContain('# - /api: request headers computed per request (headers: a function)')
    expect(caddyfile).toContain('https://app.example.com {')
    expect(caddyfile).not.toContain('127.0.0.1:8080')
  })

  it('--check says yes while the file is what the config gives, and no once it differs', async () => {
    expect((await runBin([...args, '--check'], { cwd: dir })).code).toBe(0)
    const file = join(dir, 'Caddyfile')
    await writeFile(file, `${await readFile(file, 'utf8')}# edited\n`)
    const stale = await runBin([...args, '--check'], { cwd: dir })
    expect(stale.code).toBe(1)
    expect(stale.stdout).toContain('differs from what the config gives')
  })
})
