// What `pnpm dev` and `pnpm demo` share: the demo backend, then Rsbuild's dev server with this
// example's rsbuild.config.ts (loaded as `rsbuild dev` loads it), whose pluginSameOrigin() proxies
// /api to that backend.
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { createRsbuild, loadConfig } from '@rsbuild/core'
import { startBackend } from '@sameorigin/example-backend'

/** @import { Backend } from '@sameorigin/example-backend' */

/** The example's folder: Rsbuild's root, where rsbuild.config.ts, sameorigin.config.ts and .env live. */
export const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {object} StartServersOptions
 * @property {number} port Rsbuild's port; when taken, Rsbuild moves to the next free one (0: any free port)
 * @property {number} backendPort the backend's port; when taken, a free one is used instead
 * @property {(line: string) => void} [log] receives the backend's request lines
 */

/**
 * @typedef {object} Servers
 * @property {Backend} backend
 * @property {string} devUrl the dev server's origin, e.g. `http://localhost:3000`
 * @property {() => Promise<void>} close stops both
 */

/**
 * Starts the backend, points `API_TARGET` at it, then starts Rsbuild's dev server, which prints its
 * URLs and sameorigin's route table.
 * @param {StartServersOptions} options
 * @returns {Promise<Servers>}
 */
export async function startServers({ port, backendPort, log }) {
  const backend = await startBackendOnPreferredPort(backendPort, log)
  // sameorigin.config.ts reads it; the process environment wins over the .env files.
  process.env.API_TARGET = backend.url
  try {
    const { content } = await loadConfig({ cwd: root, command: 'dev' })
    const rsbuild = await createRsbuild({
      cwd: root,
      config: { ...content, server: { ...content.server, port, strictPort: false } },
    })
    const { server, urls } = await rsbuild.startDevServer()
    const devUrl = new URL(urls[0] ?? `http://localhost:${server.port}`).origin
    return {
      backend,
      devUrl,
      close: async () => {
        await Promise.all([server.close(), backend.close()])
      },
    }
  } catch (error) {
    await backend.close()
    throw error
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
