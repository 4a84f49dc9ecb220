// A copy of examples/angular run by the real `ng serve` (the example's @angular/cli) in a child
// process under Node 24 (Angular 22 needs Node ^22.22.3 or >= 24.15; the tests run on Node 20), with
// the shared starters of @sameorigin/test-utils.
import { once } from 'node:events'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { createInterface } from 'node:readline'
import type { AngularProject, RunningAngular } from '@sameorigin/test-utils'
import { ANGULAR_EXAMPLE, createAngularProject, spawnAngular, startAngular } from '@sameorigin/test-utils'

// Inside this package (gitignored .tmp): no sameorigin.config.* of the repository's is found above a copy.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))

/** A copy of the example with `files` written over it (a `sameorigin.config.ts`, a `proxy.conf.json`). */
export function createProject(files: Readonly<Record<string, string>>): Promise<AngularProject> {
  return createAngularProject(TMP, files)
}

/** `ng serve` running. */
export type NgServe = RunningAngular

/** Starts `ng serve` and resolves once it printed its URL; rejects with its output when it exits first. */
export function startNgServe(root: string, args: readonly string[] = []): Promise<NgServe> {
  return startAngular(root, { args })
}

/** Runs `ng serve` expecting it to fail its start: resolves with its exit code and output. */
export async function runFailingNgServe(root: string): Promise<{ code: number | null; output: string }> {
  const child = spawnAngular(root)
  const lines: string[] = []
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream! }).on('line', (line) => lines.push(stripVTControlCharacters(line)))
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
  // `close`, not `exit`: every line it printed has been read then.
  const [code] = (await once(child, 'close')) as [number | null]
  clearTimeout(timer)
  return { code, output: lines.join('\n') }
}

/** examples/angular's angular.json with `options` set on the `serve` target. */
export async function angularJsonWith(options: Readonly<Record<string, unknown>>): Promise<string> {
  const workspace = JSON.parse(await readFile(join(ANGULAR_EXAMPLE, 'angular.json'), 'utf8')) as {
    projects: Record<string, { architect: { serve: { options?: Record<string, unknown> } } }>
  }
  for (const project of Object.values(workspace.projects))
    project.architect.serve.options = { ...project.architect.serve.options, ...options }
  return JSON.stringify(workspace, null, 2)
}
