// A copy of examples/angular run by the real `ng serve` (the example's @angular/cli) in a child
// process under Node 24 (Angular 22 needs Node ^22.22.3 or >= 24.15; the tests run on Node 20).
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { findNode24, stopChild } from '@sameorigin/test-utils'

const EXAMPLE = fileURLToPath(new URL('../../../examples/angular/', import.meta.url))
// Inside this package (gitignored .tmp): no sameorigin.config.* of the repository's is found above a copy.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
const NG = join(EXAMPLE, 'node_modules/@angular/cli/bin/ng.js')
const COPIED = ['angular.json', 'package.json', 'tsconfig.json', 'tsconfig.app.json', 'src']

/**
 * A copy of the example with `files` written over it (a `sameorigin.config.ts`, a `proxy.conf.json`);
 * its `node_modules` is the example's (a link), so `@sameorigin/angular` is this package's dist.
 * Removed when `remove` is called.
 */
export async function createProject(
  files: Readonly<Record<string, string>>,
): Promise<{ root: string; remove: () => Promise<void> }> {
  await mkdir(TMP, { recursive: true })
  const root = await mkdtemp(join(TMP, 'ng-'))
  for (const name of COPIED) await cp(join(EXAMPLE, name), join(root, name), { recursive: true })
  await symlink(join(EXAMPLE, 'node_modules'), join(root, 'node_modules'), 'dir')
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text)
  return { root, remove: () => rm(root, { recursive: true, force: true }) }
}

/** The child's environment: the tests', without Vitest's variables, analytics off. */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development', NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' }
}

/** `ng serve` running. */
export interface NgServe {
  readonly child: ChildProcess
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  readonly port: number
  /** Everything it printed so far, both streams, colours stripped. */
  readonly output: () => string
  readonly close: () => Promise<void>
}

/** Spawns `ng serve <args>` in `root` (on 127.0.0.1, a free port) and collects what it prints. */
function spawnNg(root: string, args: readonly string[]): { child: ChildProcess; lines: string[] } {
  const argv = [NG, 'serve', '--host', '127.0.0.1', '--port', '0', ...args]
  const child = spawn(findNode24('Angular 22', '22.22'), argv, {
    cwd: root,
    env: toChildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream! }).on('line', (line) => lines.push(stripVTControlCharacters(line)))
  return { child, lines }
}

/** Starts `ng serve` and resolves once it printed its URL; rejects with its output when it exits first. */
export async function startNgServe(root: string, args: readonly string[] = []): Promise<NgServe> {
  const { child, lines } = spawnNg(root, args)
  const output = (): string => lines.join('\n')
  const exited = once(child, 'exit')
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const local = lines.map((line) => /Local:\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1]).find(Boolean)
      if (local === undefined) return
      clearInterval(timer)
      resolve(Number(local))
    }, 50)
    void exited.then(([code]) => {
      clearInterval(timer)
      reject(new Error(`ng serve exited (${String(code)}) before its URL:\n${output()}`))
    })
  })
  return { child, url: `http://127.0.0.1:${port}`, port, output, close: () => stopChild(child) }
}

/** Runs `ng serve` expecting it to fail its start: resolves with its exit code and output. */
export async function runFailingNgServe(root: string): Promise<{ code: number | null; output: string }> {
  const { child, lines } = spawnNg(root, [])
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  // `close`, not `exit`: every line it printed has been read then.
  const [code] = (await once(child, 'close')) as [number | null]
  clearTimeout(timer)
  return { code, output: lines.join('\n') }
}

/** examples/angular's angular.json with `options` set on the `serve` target. */
export async function angularJsonWith(options: Readonly<Record<string, unknown>>): Promise<string> {
  const { readFile } = await import('node:fs/promises')
  const workspace = JSON.parse(await readFile(join(EXAMPLE, 'angular.json'), 'utf8')) as {
    projects: Record<string, { architect: { serve: { options?: Record<string, unknown> } } }>
  }
  for (const project of Object.values(workspace.projects))
    project.architect.serve.options = { ...project.architect.serve.options, ...options }
  return JSON.stringify(workspace, null, 2)
}
