// `pnpm dev`: the demo backend and `astro dev` together. The pages on http://localhost:4321 call /api
// on their own origin, and the server-rendered page fetches it from the server: sameorigin forwards
// both to the backend. Ctrl-C stops both.
import { spawn } from 'node:child_process'
import process from 'node:process'
import { startBackend } from '@sameorigin/example-backend'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { astroBin } from './astro-bin.mjs'
import { findNode, NO_NODE } from './find-node.mjs'

const node = findNode()
if (node === undefined) {
  process.stderr.write(`${NO_NODE}\n`)
  process.exit(1)
}

const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text
const log = (/** @type {string} */ line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`)

// The session cookie on every path (not only /api): the server-rendered page needs it too.
const options = { cookiePath: '/', log }

/** The backend on 4020, or a free port when that one is taken. */
async function startBackendOnPreferredPort() {
  try {
    return await startBackend({ port: 4020, ...options })
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error
    process.stdout.write('port 4020 is in use; the backend uses a free port instead\n')
    return startBackend({ port: 0, ...options })
  }
}

const backend = await startBackendOnPreferredPort()
const bin = astroBin()
// sameorigin.config.ts and astro.config.mjs read API_TARGET; the environment wins over .env files.
const astro = spawn(node, [bin, 'dev', ...process.argv.slice(2)], {
  cwd: new URL('..', import.meta.url),
  stdio: 'inherit',
  env: { ...process.env, API_TARGET: backend.url, ASTRO_TELEMETRY_DISABLED: '1' },
})
process.stdout.write(`  Backend: ${backend.url} (sends no CORS headers; /api reaches it through Astro)\n`)
const exited = new Promise((resolve) => astro.once('exit', resolve))

stopOnSignals(async () => {
  astro.kill('SIGTERM')
  await Promise.all([exited, backend.close()])
})
