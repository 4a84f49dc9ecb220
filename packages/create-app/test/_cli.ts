import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'
import { TEMPLATES } from '../src/templates.ts'
import type { Template } from '../src/templates.ts'

/** The templates as `[name, template]` rows for `describe.each` / `it.each`, so titles show the bare name (`%s`). */
export const TEMPLATE_ROWS: readonly (readonly [string, Template])[] = TEMPLATES.map((template) => [
  template.name,
  template,
])

/** This package's folder (where index.js, dist/ and the template folders are). */
export const PACKAGE_ROOT: string = fileURLToPath(new URL('..', import.meta.url))

/** The bin as npm links it: `create-sameorigin` runs this file. */
export const BIN: string = join(PACKAGE_ROOT, 'index.js')

/** This package's version, which the scaffolded app's `@sameorigin/*` ranges must start from. */
export const VERSION: string = (readJson(join(PACKAGE_ROOT, 'package.json')) as { version: string }).version

/** What `pnpm create` sets; the next steps must then say `pnpm`. */
export const PNPM_USER_AGENT = 'pnpm/12.21.0 npm/? node/v20.20.2 linux x64'

/** The outcome of one run of the bin. */
export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the built bin as `npm create` would, with stdin, stdout and stderr piped (so never a
 * terminal), in `cwd`. `userAgent` is `npm_config_user_agent` (left out: unset).
 */
export function runCli(
  args: readonly string[],
  options: { cwd: string; userAgent?: string },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...cleanEnv(), NO_COLOR: '1' }
  if (options.userAgent !== undefined) env.npm_config_user_agent = options.userAgent
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}

/**
 * The environment without what the test run adds: pnpm's `npm_*` and `PNPM_*` variables (the user
 * agent among them), vitest's `VITEST*` and `TEST`, and `NODE_ENV=test`, which would turn React and
 * Next builds into test builds. What remains is a developer's shell.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(npm_|pnpm_|vitest)/i.test(name) && name !== 'TEST' && name !== 'NODE_ENV',
    ),
  )
}

/** A fresh folder under the system temp folder (outside the workspace), removed when the test ends. */
export function makeTmpDir(prefix = 'create-sameorigin-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** Every file below `dir`, as sorted `/`-separated relative paths. */
export function listFiles(dir: string, prefix = ''): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`
    if (entry.isDirectory()) files.push(...listFiles(join(dir, entry.name), `${path}/`))
    else files.push(path)
  }
  return files.toSorted()
}

/** Parses a JSON file. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'))
}
