// `webpack serve` as a user runs it (webpack-cli with this folder's webpack.config.mjs, whose
// SameOriginPlugin mounts the proxy), in a child process: what `pnpm dev`, `pnpm demo` and the smoke
// test share. Resolves once webpack-dev-server has printed its URL.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** The example's folder: webpack's context, where webpack.config.mjs, sameorigin.config.ts and .env live. */
export const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {object} StartDevServerOptions
 * @property {number | 'auto'} port `auto`: 8080, or the next free port; 0: any free port
 * @property {Record<string, string>} [env] added to the process environment (API_TARGET)
 * @property {(line: string) => void} [onLine] receives every line webpack and the dev server print
 */

/**
 * @typedef {object} DevServer
 * @property {string} url the dev server's origin, e.g. `http://localhost:8080`
 * @property {() => Promise<void>} close stops `webpack serve` and waits for it to exit
 */

/**
 * @param {StartDevServerOptions} options
 * @returns {Promise<DevServer>}
 */
export async function startDevServer({ port, env = {}, onLine = () => {} }) {
  const cli = createRequire(`${root}package.json`).resolve('webpack-cli/bin/cli.js')
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    await exited
  }
  try {
    const url = await new Promise((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          onLine(line)
          // `<i> [webpack-dev-server] Loopback: http://localhost:8080/, http://[::1]:8080/`
          const found = /Loopback: (http:\/\/localhost:\d+)\//.exec(line)
          if (found) resolve(found[1])
        })
      }
      exited.then(([code]) => reject(new Error(`webpack serve exited (${code}) before it printed its URL`)))
    })
    return { url: /** @type {string} */ (url), close }
  } catch (error) {
    await close()
    throw error
  }
}
