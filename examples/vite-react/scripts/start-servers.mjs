// What `pnpm dev` and `pnpm demo` share: the demo backend, then Vite's dev server with this example's
// vite.config.ts, whose sameorigin() proxies /api to that backend.
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { startBackend } from '@sameorigin/example-backend'
import { createServer } from 'vite'

/** @import { Backend } from '@sameorigin/example-backend' */
/** @import { ViteDevServer } from 'vite' */

/** The example's folder: Vite's root, where vite.config.ts, sameorigin.config.ts and .env live. */
export const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {object} StartServersOptions
 * @property {number} port Vite's port; when taken, Vite moves to the next free one (0: any free port)
 * @property {number} backendPort the backend's port; when taken, a free one is used instead
 * @property {(line: string) => void} [log] receives the backend's request lines
 */

/**
 * @typedef {object} Servers
 * @property {Backend} backend
 * @property {ViteDevServer} server
 * @property {string} devUrl the dev server's origin, e.g. `http://localhost:5173`
 * @property {() => Promise<void>} close stops both
 */

/**
 * Starts the backend, points `API_TARGET` at it, then starts Vite.
 * @param {StartServersOptions} options
 * @returns {Promise<Servers>}
 */
export async function startServers({ port, backendPort, log }) {
  const backend = await startBackendOnPreferredPort(backendPort, log)
  // sameorigin.config.ts reads it; the process environment wins over the .env files.
  process.env.API_TARGET = backend.url
  /** @type {ViteDevServer} */
  let server
  try {
    server = await createServer({
      root,
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      server: { port, strictPort: false },
    })
    await server.listen()
  } catch (error) {
    await backend.close()
    throw error
  }
  const devUrl = (server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`).replace(/\/$/, '')
  return {
    backend,
    server,
    devUrl,
    close: async () => {
      await Promise.all([server.close(), backend.close()])
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
