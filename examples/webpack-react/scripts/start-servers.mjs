// What `pnpm dev` and `pnpm demo` share: the demo backend, then `webpack serve` with this example's
// webpack.config.mjs, whose SameOriginPlugin proxies /api to that backend.
import process from 'node:process'
import { startBackend } from '@sameorigin/example-backend'
import { startDevServer } from './start-dev-server.mjs'

/** @import { Backend } from '@sameorigin/example-backend' */

/**
 * @typedef {object} StartServersOptions
 * @property {number | 'auto'} port webpack-dev-server's port (`auto`: 8080 or the next free one; 0: any)
 * @property {number} backendPort the backend's port; when taken, a free one is used instead
 * @property {(line: string) => void} onLine receives every line `webpack serve` prints
 * @property {(line: string) => void} [log] receives the backend's request lines
 */

/**
 * @typedef {object} Servers
 * @property {Backend} backend
 * @property {string} devUrl the dev server's origin, e.g. `http://localhost:8080`
 * @property {() => Promise<void>} close stops both
 */

/**
 * Starts the backend, then `webpack serve` with `API_TARGET` pointing at it.
 * @param {StartServersOptions} options
 * @returns {Promise<Servers>}
 */
export async function startServers({ port, backendPort, onLine, log }) {
  const backend = await startBackendOnPreferredPort(backendPort, log)
  let server
  try {
    // sameorigin.config.ts reads it; the process environment wins over the .env files.
    server = await startDevServer({ port, env: { API_TARGET: backend.url }, onLine })
  } catch (error) {
    await backend.close()
    throw error
  }
  const devServer = server
  return {
    backend,
    devUrl: devServer.url,
    close: async () => {
      await Promise.all([devServer.close(), backend.close()])
    },
  }
}

/**
 * @param {number} port
 * @param {((line: string) => void) | undefined} log
 * @returns {Promise<Backend>}
 */
async function startBackendOnPreferredPort(port, log) {
  try {
    return await startBackend({ port, log })
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE' || port === 0) throw error
    process.stdout.write(`port ${port} is in use; the backend uses a free port instead\n`)
    return startBackend({ port: 0, log })
  }
}
