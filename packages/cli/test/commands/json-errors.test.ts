// Every command with `--json` prints exactly one JSON document on stdout, error or not: a script that
// reads stdout never gets nothing, or a document followed by text.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listen } from '@sameorigin/test-utils'
import { createServer } from 'node:http'
import { describe, expect, it, onTestFinished } from 'vitest'
import { runBin } from '../_bin.ts'

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sameorigin-json-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n')
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/** A loopback URL where nothing listens: a server is started on port 0, then stopped. */
async function deadUrl(): Promise<string> {
  const server = await listen(createServer())
  await server.close()
  return `${server.url}/api/me`
}

async function failsWithOneDocument(args: string[], cwd: string): Promise<Record<string, unknown>> {
  const { code, stdout } = await runBin(args, { cwd })
  expect(code).not.toBe(0)
  // JSON.parse throws on an empty stdout and on anything after the document.
  const document = JSON.parse(stdout) as Record<string, unknown>
  expect(typeof document).toBe('object')
  return document
}

describe('--json on failure: one parseable document on stdout', () => {
  it('doctor: an unreachable URL', async () => {
    const document = await failsWithOneDocument(
      ['doctor', await deadUrl(), '--origin', 'http://localhost:5173', '--json'],
      project({}),
    )
    expect(document).toMatchObject({ error: { code: 'ERR_CLI_REQUEST_FAILED' } })
  })

  it('doctor: bad arguments (no --origin, no URL)', async () => {
    const cwd = project({})
    expect(await failsWithOneDocument(['doctor', 'http://127.0.0.1:1/x', '--json'], cwd)).toMatchObject({
      error: { code: 'ERR_CLI_ARGUMENT_INVALID' },
    })
    expect(await failsWithOneDocument(['doctor', '--json'], cwd)).toMatchObject({
      error: { code: 'ERR_CLI_ARGUMENT_INVALID' },
    })
  })

  it('check: an invalid config, and a config that does not load', async () => {
    const invalid = project({ 'sameorigin.config.mjs': "export default { routes: { '/api': 'x:1' } }\n" })
    expect(await failsWithOneDocument(['check', '--json'], invalid)).toMatchObject({ valid: false })
    const broken = project({ 'sameorigin.config.mjs': 'export default {\n' })
    expect(await failsWithOneDocument(['check', '--json'], broken)).toMatchObject({ valid: false })
  })

  it('print: an invalid config, and a bad --next-mode', async () => {
    const invalid = project({ 'sameorigin.config.mjs': "export default { routes: { '/api': 'x:1' } }\n" })
    expect(await failsWithOneDocument(['print', '--json'], invalid)).toMatchObject({
      error: { code: 'ERR_CONFIG_INVALID' },
    })
    const valid = project({
      'sameorigin.config.mjs': "export default { routes: { '/api': 'http://127.0.0.1:1' } }\n",
    })
    expect(
      await failsWithOneDocument(['print', '--next', '--next-mode', 'x', '--json'], valid),
    ).toMatchObject({ error: { code: 'ERR_CLI_ARGUMENT_INVALID' } })
  })

  it('init: no project in the folder, and an unknown --tool', async () => {
    const cwd = project({})
    expect(await failsWithOneDocument(['init', '--json'], cwd)).toMatchObject({
      error: { code: 'ERR_CLI_PROJECT_NOT_DETECTED' },
    })
    expect(await failsWithOneDocument(['init', '--tool', 'gulp', '--json'], cwd)).toMatchObject({
      error: { code: 'ERR_CLI_ARGUMENT_INVALID' },
    })
  })

  it('an unknown option of a command', async () => {
    expect(await failsWithOneDocument(['check', '--json', '--nope'], project({}))).toMatchObject({
      error: { code: 'ERR_CLI_ARGUMENT_INVALID' },
    })
  })
})
