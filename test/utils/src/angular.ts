// `ng serve` for the tests: examples/angular (angular.json's `serve` target on
// `@sameorigin/angular:dev-server`) run by the example's own @angular/cli in a child process under
// Node 24 (Angular 22 needs Node ^22.22.3 or >= 24.15; the tests run on Node 20).
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import { findNode24 } from './find-node24.ts'
import { stopChild } from './stop-child.ts'

/** examples/angular: the app every Angular test project is a copy of. */
export const ANGULAR_EXAMPLE: string = fileURLToPath(new URL('../../../examples/angular/', import.meta.url))

/** What a copy takes of the example (its `sameorigin.config.ts` stays behind: a test writes its own). */
const COPIED = ['angular.json', 'package.json', 'tsconfig.json', 'tsconfig.app.json', 'src']

/** A copy of examples/angular in a fresh folder. */
export interface AngularProject {
  readonly root: string
  readonly remove: () => Promise<void>
}

/**
 * Copies examples/angular into a new folder under `parent` (a gitignored `.tmp` of the calling
 * package, so no `sameorigin.config.*` of the repository's is found above it), with `files` written
 * over it (a `sameorigin.config.mjs`, a `proxy.conf.json`, an angular.json); its `node_modules` is a
 * link to the example's, so `@sameorigin/angular` is the package's built `dist`.
 */
export async function createAngularProject(
  parent: string,
  files: Readonly<Record<string, string>> = {},
): Promise<AngularProject> {
  await mkdir(parent, { recursive: true })
  const root = await mkdtemp(join(parent, 'ng-'))
  for (const name of COPIED) await cp(join(ANGULAR_EXAMPLE, name), join(root, name), { recursive: true })
  await symlink(join(ANGULAR_EXAMPLE, 'node_modules'), join(root, 'node_modules'), 'dir')
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true })
    await writeFile(join(root, name), text)
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) }
}

/** The tests' environment without Vitest's variables, Angular's analytics prompt and colours off. */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development', NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' }
}

/** `  ➜  Local:   http://127.0.0.1:41234/`: the line `ng serve` prints once it listens. */
const LOCAL_URL = /Local:\s+(https?:\/\/127\.0\.0\.1:(\d+))/

/** How {@link startAngular} runs `ng serve`. */
export interface StartAngularOptions {
  /** More `ng serve` arguments (`--ssl`, `--proxy-config proxy.conf.json`). */
  readonly args?: readonly string[]
  /** Receives every line it prints (colours stripped). */
  readonly onLine?: (line: string) => void
  /** @default 90_000 */
  readonly timeout?: number
}

/** A running `ng serve`. */
export interface RunningAngular {
  readonly child: ChildProcess
  /** `http://127.0.0.1:<port>` (`https://` with `--ssl`), no trailing slash. */
  readonly url: string
  readonly port: number
  /** Everything it printed so far, both streams, colours stripped. */
  readonly output: () => string
  /** SIGTERM (SIGKILL after 5 s); resolves once it exited. */
  readonly close: () => Promise<void>
}

/** Spawns `ng serve <args>` in `root` (on 127.0.0.1, a free port) with the project's own @angular/cli. */
export function spawnAngular(root: string, args: readonly string[] = []): ChildProcess {
  const ng = join(
    dirname(createRequire(join(root, 'package.json')).resolve('@angular/cli/package.json')),
    'bin/ng.js',
  )
  const argv = [ng, 'serve', '--host', '127.0.0.1', '--port', '0', '--no-open', ...args]
  return spawn(findNode24('Angular 22', '22.22'), argv, {
    cwd: root,
    env: toChildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/**
 * Starts `ng serve` in `root` (see {@link spawnAngular}) and resolves once it printed its local URL
 * (a cold start is ready in 4 to 8 s here). Rejects with everything it printed when it exits first
 * (a bad config) or stays silent past `timeout`; it is stopped then. Killed with the test process if
 * the run ends without its teardown.
 */
export async function startAngular(root: string, options: StartAngularOptions = {}): Promise<RunningAngular> {
  const child = spawnAngular(root, options.args)
  const lines: string[] = []
  const output = (): string => lines.join('\n')
  const exited = once(child, 'exit')
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const close = async (): Promise<void> => {
    process.off('exit', killOnExit)
    await stopChild(child)
  }
  let timer: NodeJS.Timeout | undefined
  try {
    const [url, port] = await new Promise<[string, number]>((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream! }).on('line', (colored) => {
          const line = stripVTControlCharacters(colored)
          lines.push(line)
          options.onLine?.(line)
          const local = LOCAL_URL.exec(line)
          if (local?.[1] !== undefined) resolve([local[1], Number(local[2])])
        })
      }
      const bound = options.timeout ?? 90_000
      timer = setTimeout(() => reject(new Error(`ng serve: not ready in ${bound} ms:\n${output()}`)), bound)
      void exited.then(([code]) =>
        reject(new Error(`ng serve exited (${String(code)}) before its URL:\n${output()}`)),
      )
      child.once('error', reject)
    })
    return { child, url, port, output, close }
  } catch (error) {
    await close()
    throw error
  } finally {
    clearTimeout(timer)
  }
}
