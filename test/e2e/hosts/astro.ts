import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'
import { findNode24, stopChild } from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './types.ts'

/** The astro CLI of the example (its package's `bin`, which it does not export as a subpath). */
function astroBin(root: string): string {
  const manifest = createRequire(join(root, 'package.json')).resolve('astro/package.json')
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }
  return join(dirname(manifest), bin.astro ?? 'bin/astro.mjs')
}

/**
 * The child's environment: this one without Vitest's variables (Astro's dev server installs no page
 * handler when it sees `VITEST`), in Astro's own mode.
 */
function toChildEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')))
  return { ...env, NODE_ENV: 'development', ASTRO_TELEMETRY_DISABLED: '1' }
}

/**
 * `astro dev` as a user runs it, in the example's folder (astro.config.mjs with `sameorigin()`,
 * sameorigin.config.ts and .env), under Node 24 (Astro 7 needs Node >= 22.23): a child process on
 * 127.0.0.1 and any free port (the page opens it as `localhost`), every line it prints going to `log`.
 */
export async function startAstro({ root, log }: StartDevServerOptions): Promise<DevServer> {
  // `--force`: Astro refuses a second `astro dev` in one project; one left by an interrupted run is replaced.
  const args = [astroBin(root), 'dev', '--host', '127.0.0.1', '--port', '0', '--force']
  const child = spawn(findNode24('Astro 7', '22.23'), args, {
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
          // Astro colours its lines when it sees CI=true (FORCE_COLOR from the run's environment).
          const line = stripVTControlCharacters(colored)
          log(`[astro] ${line}`)
          printed.push(line)
          // `┃ Local    http://127.0.0.1:41234/`
          const local = /Local\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (local !== undefined) resolve(local)
        })
      }
      void exited.then(([code]) =>
        reject(new Error(`astro dev exited (${String(code)}) before its URL:\n${printed.join('\n')}`)),
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
