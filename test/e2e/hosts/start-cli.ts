import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'
import { stopChild } from '@sameorigin/test-utils'
import type { DevServer } from './types.ts'

/** A dev server's command line, as a user runs it in the example's folder. */
export interface CliDevServer {
  /** How its lines are prefixed in the log, and named in errors: `astro`, `ng`. */
  readonly name: string
  /** The example's folder: the command runs there, and its package is resolved from there. */
  readonly root: string
  readonly log: (line: string) => void
  /** The Node binary (`findNode24` for the frameworks that need it). */
  readonly node: string
  /** The package whose `bin` runs and the command's name in it: `['astro', 'astro']`. */
  readonly bin: readonly [pkg: string, command: string]
  /** Node's own arguments (before the script), then the command's. */
  readonly nodeArgs?: readonly string[]
  readonly args: readonly string[]
  readonly env: NodeJS.ProcessEnv
  /** The line that gives the address, with it as the first group: `/Local:\s+(http:\/\/127\.0\.0\.1:\d+)/`. */
  readonly ready: RegExp
  /** Load the home page once before resolving, so a test's first load does not pay the first compile. */
  readonly warm?: boolean
}

/** The file a package's command runs (its package.json `bin`), resolved from `root`. */
function binPath(root: string, [pkg, command]: CliDevServer['bin']): string {
  const manifest = createRequire(join(root, 'package.json')).resolve(`${pkg}/package.json`)
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> }
  const file = typeof bin === 'string' ? bin : bin?.[command]
  if (file === undefined) throw new Error(`${pkg} has no "${command}" command`)
  return join(dirname(manifest), file)
}

/**
 * Starts a dev server's CLI in a child process on 127.0.0.1 and any free port, every line it prints
 * (colours stripped) going to `log`, and resolves with its address once `ready` matches, as
 * `localhost` (the backend, on 127.0.0.1, is then another host name, as a staging backend is, and
 * its cookie's Domain one the browser would reject). The child is killed if the run ends without its
 * teardown (a hook that timed out).
 */
export async function startCli(cli: CliDevServer): Promise<DevServer> {
  const script = binPath(cli.root, cli.bin)
  const child = spawn(cli.node, [...(cli.nodeArgs ?? []), script, ...cli.args], {
    cwd: cli.root,
    env: cli.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  const killOnExit = (): void => void child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const close = async (): Promise<void> => {
    process.off('exit', killOnExit)
    await stopChild(child)
  }
  const printed: string[] = []
  try {
    const url = await new Promise<string>((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (colored) => {
          const line = stripVTControlCharacters(colored)
          cli.log(`[${cli.name}] ${line}`)
          printed.push(line)
          const address = cli.ready.exec(line)?.[1]
          if (address !== undefined) resolve(address)
        })
      }
      void exited.then(([code]) =>
        reject(new Error(`${cli.name} exited (${String(code)}) before it was ready:\n${printed.join('\n')}`)),
      )
    })
    if (cli.warm === true) await (await fetch(url)).arrayBuffer()
    return { url: url.replace('//127.0.0.1:', '//localhost:'), close }
  } catch (error) {
    await close()
    throw error
  }
}

/** This process's environment without Vitest's variables (some dev servers change course when they see them). */
export function withoutVitest(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, ...extra }
}
