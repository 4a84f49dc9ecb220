// A real Next app on disk and the `next` commands run in it (`dev`, `build`, `start`), for the tests
// that need Next itself. Apps live in this package's gitignored `.tmp`, so `next` and React resolve
// from its node_modules and Turbopack finds the workspace root above them; `@sameorigin/next` is
// linked to this package (its built `dist`), as an installed app has it.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const PACKAGE = fileURLToPath(new URL('..', import.meta.url))
const TMP = join(PACKAGE, '.tmp')
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')
// `next dev` is ready in seconds and a build takes a minute on a busy machine: the bound only catches hangs.
const WAIT_MS = 180_000

/** An app folder with these files (paths relative to its root), removed by `remove`. */
export interface NextApp {
  readonly root: string
  readonly remove: () => void
}

export function createNextApp(files: Readonly<Record<string, string>>): NextApp {
  mkdirSync(TMP, { recursive: true })
  const root = mkdtempSync(join(TMP, 'app-'))
  const all = { 'package.json': '{ "name": "app", "private": true, "type": "module" }\n', ...files }
  for (const [name, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), content)
  }
  mkdirSync(join(root, 'node_modules', '@sameorigin'), { recursive: true })
  symlinkSync(PACKAGE, join(root, 'node_modules', '@sameorigin', 'next'), 'dir')
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) }
}

/** A `next` command running in an app: its output so far, a wait for a line, and a stop. */
export interface NextRun {
  /** stdout and stderr, as written so far. */
  readonly output: () => string
  /** Resolves with the first output line `pattern` matches (now or later); rejects if Next exits first. */
  readonly waitFor: (pattern: RegExp) => Promise<string>
  /** Resolves with the exit code (for `next build`). */
  readonly exited: Promise<number | null>
  /** Stops the command and its children (its process group). */
  readonly stop: () => Promise<void>
}

/** Runs `next <args>` in `root` with `NODE_ENV` as Next sets it for the command. */
export function runNext(root: string, args: readonly string[]): NextRun {
  // Next sets NODE_ENV for the command (vitest's `test` would make it warn).
  const { NODE_ENV: _test, ...env } = process.env
  const child = spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  })
  let text = ''
  const waiters = new Set<() => void>()
  const take = (chunk: Buffer): void => {
    text += chunk.toString('utf8')
    for (const waiter of waiters) waiter()
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  const waitFor = (pattern: RegExp): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const line = text.split('\n').find((one) => pattern.test(one))
        if (line !== undefined) finish(() => resolve(line))
      }
      const finish = (settle: () => void): void => {
        clearTimeout(timer)
        waiters.delete(check)
        settle()
      }
      const timer = setTimeout(
        () => finish(() => reject(new Error(`next ${args[0]}: no ${pattern} in ${WAIT_MS} ms:\n${text}`))),
        WAIT_MS,
      )
      void exited.then((code) =>
        finish(() => reject(new Error(`next ${args[0]} exited (${code}) before ${pattern}:\n${text}`))),
      )
      waiters.add(check)
      check()
    })
  return { output: () => text, waitFor, exited, stop: () => stopGroup(child) }
}

/** Starts `next dev` or `next start` (with `flags`, e.g. `--webpack`) on 127.0.0.1 and a free port; resolves with its URL once ready. */
export async function serveNext(
  root: string,
  command: 'dev' | 'start',
  flags: readonly string[] = [],
): Promise<NextRun & { url: string }> {
  const run = runNext(root, [command, ...flags, '--hostname', '127.0.0.1', '--port', '0'])
  try {
    const line = await run.waitFor(/http:\/\/127\.0\.0\.1:\d+/)
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? ''
    await run.waitFor(/Ready in/)
    return { ...run, url }
  } catch (error) {
    await run.stop()
    throw error
  }
}

/** SIGTERM to the group (Next's server runs in a child), SIGKILL after 5 s; resolves once it exited. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = once(child, 'exit')
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), name)
    } catch {
      // The group is gone.
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
  signal('SIGKILL')
}
