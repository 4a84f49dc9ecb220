import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { findNode24 } from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './types.ts'

/** The suite's environment without what makes Nuxt think it runs under a test runner (consola then prints warnings only). */
function toNuxtEnv(): NodeJS.ProcessEnv {
  const {
    TEST: _test,
    VITEST: _vitest,
    VITEST_MODE: _mode,
    VITEST_POOL_ID: _pool,
    VITEST_WORKER_ID: _worker,
    ...env
  } = process.env
  return { ...env, NODE_ENV: 'development', NUXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }
}

/**
 * `nuxt dev` as a user runs it, in the example's folder (nuxt.config.ts with `@sameorigin/nuxt`,
 * sameorigin.config.ts and .env), under Node 24 (Nuxt 4.6 needs ^22.22.3 || ^24.15): a child process
 * on 127.0.0.1 and any free port (the page opens it as `localhost`), every line it prints going to
 * `log`. `--no-fork`: one process to stop. Resolves once Nuxt says it is ready and the home page has
 * rendered once, so a test's first page load does not spend its own time limit on Vite's first compile.
 */
export async function startNuxt({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const bin = join(
    dirname(createRequire(join(root, 'package.json')).resolve('nuxt/package.json')),
    'bin/nuxt.mjs',
  )
  const node = findNode24('Nuxt 4.6', '22.22')
  const child = spawn(node, [bin, 'dev', '--no-fork', '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    env: toNuxtEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(force)
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          log(`[nuxt] ${line}`)
          // `◆ Ready in 3.11s  → http://127.0.0.1:40621/`
          const ready = /Ready in .*(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (ready !== undefined) resolve(ready)
        })
      }
      void exited.then(([code]) => reject(new Error(`nuxt dev exited (${String(code)}) before it was ready`)))
    })
    await (await fetch(url)).arrayBuffer()
    // The page on `localhost`, as on the other hosts: the backend (127.0.0.1) is then another host name.
    return { url: url.replace('//127.0.0.1:', '//localhost:'), close }
  } catch (error) {
    await close()
    throw error
  }
}
