// `sameorigin explain`: the error pages, read offline from the pages @sameorigin/core ships, and the
// line every error message ends with, which names that command.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ERROR_CODES } from '@sameorigin/core'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'

const page = (code: string): string =>
  readFileSync(new URL(`../../../../docs/errors/${code}.md`, import.meta.url), 'utf8')

describe('sameorigin explain', () => {
  it('prints the page for a terminal: headings, code without fences, links to other pages as commands', async () => {
    const { code, stdout } = await runBin(['explain', 'ERR_UPSTREAM_UNREACHABLE'])
    expect(code).toBe(0)
    expect(stdout.startsWith('ERR_UPSTREAM_UNREACHABLE\n')).toBe(true)
    expect(stdout).toContain('\nWhy this error occurred\n')
    expect(stdout).toContain('\nHow to fix it\n')
    expect(stdout).not.toContain('```')
    expect(stdout).toContain("routes: { '/api': 'http://127.0.0.1:8080' },")
    expect(stdout).toContain('sameorigin explain ERR_UPSTREAM_DNS_FAILED')
    expect(stdout).not.toContain('.md)')
  })

  it('accepts the code in any case, with or without ERR_', async () => {
    const { code, stdout } = await runBin(['explain', 'config_invalid'])
    expect(code).toBe(0)
    expect(stdout.startsWith('ERR_CONFIG_INVALID\n')).toBe(true)
  })

  it('--json prints { code, message, hint, status, page }', async () => {
    const { code, stdout } = await runBin(['explain', 'ERR_UPSTREAM_UNREACHABLE', '--json'])
    expect(code).toBe(0)
    const { message, hint, status } = ERROR_CODES.ERR_UPSTREAM_UNREACHABLE
    expect(JSON.parse(stdout)).toEqual({
      code: 'ERR_UPSTREAM_UNREACHABLE',
      message,
      hint,
      status,
      page: page('ERR_UPSTREAM_UNREACHABLE'),
    })
  })

  it('an unknown code exits 2 with the nearest code', async () => {
    const { code, stderr, stdout } = await runBin(['explain', 'ERR_CONFIG_INVALD'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('There is no error code ERR_CONFIG_INVALD. Did you mean ERR_CONFIG_INVALID?')
    const json = await runBin(['explain', 'ERR_NOPE', '--json'])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'ERR_CLI_ARGUMENT_INVALID' } })
  })

  it('every error message ends with the explain command, and running it prints the page', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'sameorigin-explain-'))
    onTestFinished(() => rmSync(cwd, { recursive: true, force: true }))
    writeFileSync(join(cwd, 'package.json'), '{ "name": "app" }\n')
    writeFileSync(join(cwd, 'sameorigin.config.mjs'), "export default { routes: { '/api': 'x:1' } }\n")
    const { stderr } = await runBin(['check'], { cwd })
    const last = stderr.trimEnd().split('\n').at(-1) ?? ''
    expect(last).toBe('run: sameorigin explain ERR_CONFIG_INVALID')
    expect(stderr).not.toContain('docs/errors')
    const explained = await runBin(last.replace('run: sameorigin ', '').split(' '))
    expect(explained.code).toBe(0)
    expect(explained.stdout).toContain('Why this error occurred')
  })
})
