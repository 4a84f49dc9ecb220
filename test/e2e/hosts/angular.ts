import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'
import { findNode24, stopChild } from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './types.ts'

/** The suite's environment without Vitest's variables, Angular's analytics prompt off. */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development', NG_CLI_ANALYTICS: 'false', NO_COLOR: '1' }
}

/**
 * `ng serve` as a user runs it, in the example's folder (angular.json's `serve` target on
 * `@sameorigin/angular:dev-server`, sameorigin.config.ts), under Node 24 (Angular 22 needs ^22.22.3 ||
 * >= 24.15): a child process on 127.0.0.1 and any free port (the page opens it as `localhost`), every
 * line it prints going to `log`.
 */
export async function startAngular({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const ng = join(
    dirname(createRequire(join(root, 'package.json')).resolve('@angular/cli/package.json')),
    'bin/ng.js',
  )
  const args = [ng, 'serve', '--host', '127.0.0.1', '--port', '0', '--no-open']
  const child = spawn(findNode24('Angular 22', '22.22'), args, {
    cwd: root,
    env: toChildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  // If the run ends without its teardown (a hook that timed out), the server must not outlive it.
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
          log(`[ng] ${line}`)
          printed.push(line)
          // `  ➜  Local:   http://127.0.0.1:41234/`
          const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (local !== undefined) resolve(local)
        })
      }
      void exited.then(([code]) =>
        reject(new Error(`ng serve exited (${String(code)}) before its URL:\n${printed.join('\n')}`)),
      )
    })
    // The page on `localhost`, as on the other hosts: the backend (127.0.0.1) is then another host
    // name, as a staging backend is, and its cookie's Domain is one the browser would reject.
    return { url: url.replace('//127.0.0.1:', '//localhost:'), close }
  } catch (error) {
    await close()
    throw error
  }
}
