import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { findNode24, stopChild } from '@sameorigin/test-utils'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `vite dev` as a user runs it in a SvelteKit app's folder (its vite.config.ts with `sveltekit()` and
 * `sameorigin()`, src/hooks.server.ts, sameorigin.config.ts and .env): a child process under Node 24
 * (SvelteKit 3 needs Node >= 22.17) on 127.0.0.1 and any free port, every line it prints going to
 * `log`. Resolves once the first page has rendered, so a test's first page load does not spend its
 * own time limit on Vite's first transform.
 */
export async function startSvelteKit({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const vite = join(
    dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')),
    'bin/vite.js',
  )
  const node = findNode24('SvelteKit 3', '22.17')
  const child = spawn(node, [vite, 'dev', '--host', '127.0.0.1', '--port', '0', '--strictPort'], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  try {
    const url = await new Promise<string>((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          log(`[vite] ${line}`)
          // `  ➜  Local:   http://127.0.0.1:41234/`
          const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (local !== undefined) resolve(local)
        })
      }
      void exited.then(([code]) =>
        reject(new Error(`vite dev exited (${String(code)}) before printing its URL`)),
      )
    })
    await (await fetch(url)).arrayBuffer()
    // The page on `localhost`, as on the other hosts: the backend (127.0.0.1) is then another host
    // name, as a staging backend is, and its cookie's Domain is one the browser would reject.
    return { url: url.replace('//127.0.0.1:', '//localhost:'), close: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw error
  }
}
