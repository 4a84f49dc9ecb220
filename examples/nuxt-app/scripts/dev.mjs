// `pnpm dev`: the demo backend and `nuxt dev` together. The page on http://localhost:3000 calls /api
// on its own origin; @sameorigin/nuxt forwards it to the backend, for the browser and for SSR. Ctrl-C
// stops both.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { startBackend } from '@sameorigin/example-backend'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { findNode } from './find-node.mjs'

/** @import { Backend } from '@sameorigin/example-backend' */

const root = fileURLToPath(new URL('..', import.meta.url))
const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text
const log = (/** @type {string} */ line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`)

// The session cookie scoped to `/` (the backend's default is `/api`), so the browser sends it with
// page requests too and the server can render the logged-in user (/ssr).
const cookiePath = '/'

/** @returns {Promise<Backend>} */
async function startOnPreferredPort() {
  try {
    return await startBackend({ port: 4020, log, cookiePath })
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error
    process.stdout.write('port 4020 is in use; the backend uses a free port instead\n')
    return startBackend({ port: 0, log, cookiePath })
  }
}

const node = findNode()
const backend = await startOnPreferredPort()
// sameorigin.config.ts reads it; the process environment wins over the .env files.
process.env.API_TARGET = backend.url
process.stdout.write(`  ➜  Backend: ${backend.url} (sends no CORS headers; /api reaches it through Nuxt)\n\n`)
const nuxt = join(
  dirname(createRequire(join(root, 'package.json')).resolve('nuxt/package.json')),
  'bin/nuxt.mjs',
)
const child = spawn(node, [nuxt, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
const exited = once(child, 'exit')

stopOnSignals(async () => {
  if (child.exitCode === null) child.kill('SIGTERM')
  await Promise.all([exited, backend.close()])
})
