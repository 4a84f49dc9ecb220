import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { stripVTControlCharacters } from 'node:util'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `webpack serve` as a user runs it: the example's own webpack-cli, in the example's folder, so its
 * webpack.config.mjs (with `new SameOriginPlugin()`), sameorigin.config.ts and .env files are the ones
 * a user runs, with webpack-dev-server 5. A child process on any free port; every line it prints goes
 * to `log`. Resolves once webpack-dev-server has printed its URL and webpack its first build result,
 * so a test's first page load does not spend its own time limit on the build.
 */
export async function startWebpack({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const cli = createRequire(join(root, 'package.json')).resolve('webpack-cli/bin/cli.js')
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await exited
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let found: string | undefined
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (raw) => {
          // Plain text even under FORCE_COLOR.
          const line = stripVTControlCharacters(raw)
          log(`[webpack] ${line}`)
          // `<i> [webpack-dev-server] Loopback: http://localhost:41234/, http://[::1]:41234/`
          found ??= /Loopback: (http:\/\/localhost:\d+)\//.exec(line)?.[1]
          // `webpack 5.112.2 compiled successfully in 2226 ms` (or `compiled with 1 error`): the page
          // is served either way, and a failed build shows up in the test that loads it.
          if (found !== undefined && /^webpack [\d.]+ compiled\b/.test(line)) resolve(found)
        })
      }
      void exited.then(([code]) =>
        reject(new Error(`webpack serve exited (${String(code)}) before printing its URL`)),
      )
    })
    return { url, close }
  } catch (error) {
    await close()
    throw error
  }
}
