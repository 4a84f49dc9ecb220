// Bad input to `sameorigin export`: each gets a message that names what is wrong and an example of
// what to write, exits 2 (could not answer), and writes no file.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'
import { writeProject } from './_project.ts'

function project(config = "export default { routes: { '/api': 'https://api.example.com' } }\n"): string {
  const dir = writeProject('arguments', { 'sameorigin.config.mjs': config })
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

describe('sameorigin export, given bad input', () => {
  const cases: readonly [string, readonly string[], readonly string[]][] = [
    [
      'no --origin',
      ['export', 'nginx'],
      ['--origin is required', 'hint: sameorigin export nginx --origin https://app.example.com'],
    ],
    [
      'an --origin with a path',
      ['export', 'caddy', '--origin', 'https://app.example.com/app'],
      ['must be an http: or https: origin, with no path', 'hint: --origin https://app.example.com'],
    ],
    ['an --origin that is no URL', ['export', 'nginx', '--origin', 'app.example.com'], ['is not a URL']],
    [
      'a --listen that is no port',
      ['export', 'nginx', '--origin', 'https://app.example.com', '--listen', '99999'],
      ['--listen must be a port from 1 to 65535 (got "99999")', 'hint: --listen 8080'],
    ],
    [
      'an unknown target',
      ['export', 'apache', '--origin', 'https://app.example.com'],
      ['There is no export target "apache": use nginx, caddy, cloudflare, vercel, netlify'],
    ],
  ]
  for (const [what, args, messages] of cases) {
    it(`${what}: says what is wrong and how to write it, writes nothing`, async () => {
      const cwd = project()
      const { code, stderr } = await runBin(args, { cwd, env: { NO_COLOR: '1' } })
      expect(code).toBe(2)
      for (const message of messages) expect(stderr).toContain(message)
      expect(stderr).toContain('ERR_CLI_ARGUMENT_INVALID')
      for (const file of ['sameorigin.nginx.conf', 'Caddyfile'])
        expect(existsSync(join(cwd, file))).toBe(false)
    })
  }

  it('a config with a bad target: names the key and writes nothing', async () => {
    const cwd = project("export default { routes: { '/api': 'ftp://api.example.com' } }\n")
    const { code, stderr } = await runBin(['export', 'nginx', '--origin', 'https://app.example.com'], {
      cwd,
      env: { NO_COLOR: '1' },
    })
    expect(code).not.toBe(0)
    expect(stderr).toContain("routes['/api']")
    expect(existsSync(join(cwd, 'sameorigin.nginx.conf'))).toBe(false)
  })
})
