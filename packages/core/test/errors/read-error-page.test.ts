// The error pages ship inside the package: readErrorPage reads them from src/ (the repository's
// docs/errors/) and from dist/ in the packed tarball, where no repository is around.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ERROR_CODES, toExplainCommand } from '../../src/errors/codes.ts'
import { createError } from '../../src/errors/proxy-error.ts'
import { readErrorPage } from '../../src/errors/read-error-page.ts'
import { renderErrorHtml } from '../../src/errors/render-error.ts'

const CORE = fileURLToPath(new URL('../..', import.meta.url))
const PNPM = fileURLToPath(new URL('../../../../node_modules/.bin/pnpm', import.meta.url))
const page = (code: string): string =>
  readFileSync(new URL(`../../../../docs/errors/${code}.md`, import.meta.url), 'utf8')

describe('readErrorPage', () => {
  it('returns docs/errors/<code>.md for every code of the registry', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(readErrorPage(code)).toBe(page(code))
  })

  it('returns undefined for anything else, paths included', () => {
    expect(readErrorPage('ERR_NOPE')).toBeUndefined()
    expect(readErrorPage('../README')).toBeUndefined()
    expect(readErrorPage('toString')).toBeUndefined()
  })

  it('names the command that prints a page', () => {
    expect(toExplainCommand('ERR_CONFIG_INVALID')).toBe('sameorigin explain ERR_CONFIG_INVALID')
  })

  it('the 502 page names the command, not a path inside the repository', () => {
    const html = renderErrorHtml(createError('ERR_UPSTREAM_UNREACHABLE'), 502, undefined)
    expect(html).toContain('<code>sameorigin explain ERR_UPSTREAM_UNREACHABLE</code>')
    expect(html).not.toContain('docs/errors')
  })

  it('reads the pages from the packed tarball, away from the repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sameorigin-pack-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    execFileSync(PNPM, ['pack', '--pack-destination', dir], { cwd: CORE, stdio: 'ignore' })
    const tarball = execFileSync('ls', [dir], { encoding: 'utf8' }).trim()
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir])
    // The package's own dependencies, as an install would provide them.
    symlinkSync(join(CORE, 'node_modules'), join(dir, 'package/node_modules'))
    const installed = (await import(
      pathToFileURL(join(dir, 'package/dist/index.mjs')).href
    )) as typeof import('../../src/index.ts')
    expect(installed.readErrorPage('ERR_UPSTREAM_UNREACHABLE')).toBe(page('ERR_UPSTREAM_UNREACHABLE'))
    expect(installed.readErrorPage('ERR_CONFIG_INVALID')).toBe(page('ERR_CONFIG_INVALID'))
  })
})
