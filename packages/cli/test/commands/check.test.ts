import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-check-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  // A package.json stops the config search at this folder, as in a real project.
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n')
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

describe('sameorigin check', () => {
  it('prints the route table of a valid config and exits 0', async () => {
    const cwd = project({
      'sameorigin.config.mjs':
        "export default { routes: { '/api': '${API_TARGET}', '/auth': 'https://id.example.com' } }\n",
      '.env': 'API_TARGET=http://127.0.0.1:4020\n',
    })
    const { code, stdout } = await runBin(['check'], { cwd })
    expect(code).toBe(0)
    expect(stdout).toContain('✓ sameorigin.config.mjs: 2 routes, no problems')
    expect(stdout).toMatch(/\/api\s+→ http:\/\/127\.0\.0\.1:4020\//)
  })

  it('prints every problem, each with its key and fix, and exits 1', async () => {
    const cwd = project({
      'sameorigin.config.mjs':
        "export default { routes: { '/api': 'localhost:8080', '/auth': { tagret: 'https://id.example.com' } } }\n",
    })
    const { code, stderr } = await runBin(['check'], { cwd })
    expect(code).toBe(1)
    expect(stderr).toContain('ERR_CONFIG_INVALID')
    expect(stderr).toContain("routes['/api']")
    expect(stderr).toContain("routes['/auth']")
    expect(stderr).toMatch(/did you mean .?target/i)
    expect(stderr).toContain('run: sameorigin explain ERR_CONFIG_INVALID')
  })

  it('--json prints { valid, configFile, routes, issues } and nothing else', async () => {
    const cwd = project({
      'sameorigin.config.mjs': "export default { routes: { '/api': 'localhost:8080' } }\n",
    })
    const { code, stdout } = await runBin(['check', '--json'], { cwd })
    expect(code).toBe(1)
    const result = JSON.parse(stdout) as { valid: boolean; issues: { code: string; path: string }[] }
    expect(result.valid).toBe(false)
    expect(result.issues[0]).toMatchObject({ code: 'ERR_RULE_TARGET_INVALID', path: "routes['/api']" })

    const ok = project({
      'sameorigin.config.mjs': "export default { routes: { '/api': 'http://127.0.0.1:1' } }\n",
    })
    const valid = JSON.parse((await runBin(['check', '--json'], { cwd: ok })).stdout) as Record<
      string,
      unknown
    >
    expect(valid).toMatchObject({
      valid: true,
      issues: [],
      routes: [{ id: '/api', target: 'http://127.0.0.1:1/' }],
    })
  })

  it('prints each problem once, and --json names the file that has them', async () => {
    const cwd = project({
      'sameorigin.config.mjs':
        "export default { routes: { '/api': 'localhost:8080', '/auth': { tagret: 'https://id.example.com' } } }\n",
    })
    const { stderr } = await runBin(['check'], { cwd })
    const problems = stderr.split('\n').filter((line) => line.includes('✖'))
    expect(problems.length).toBeGreaterThanOrEqual(2)
    expect(new Set(problems).size).toBe(problems.length)

    const json = await runBin(['check', '--json'], { cwd })
    const result = JSON.parse(json.stdout) as { valid: boolean; configFile: string | null }
    expect(result.valid).toBe(false)
    expect(result.configFile).toBe(join(cwd, 'sameorigin.config.mjs'))
  })

  it('fails when there is no config at all, saying how to create one', async () => {
    const { code, stdout } = await runBin(['check'], { cwd: project({}) })
    expect(code).toBe(1)
    expect(stdout).toContain('Create sameorigin.config.ts')
  })

  it('reads the .env files of --mode', async () => {
    const cwd = project({
      'sameorigin.config.mjs': "export default { routes: { '/api': '${API_TARGET}' } }\n",
      '.env.staging': 'API_TARGET=https://staging.example.com\n',
    })
    expect((await runBin(['check'], { cwd })).code).toBe(1)
    const staging = await runBin(['check', '--mode', 'staging'], { cwd })
    expect(staging.code).toBe(0)
    expect(staging.stdout).toContain('https://staging.example.com/')
  })
})
