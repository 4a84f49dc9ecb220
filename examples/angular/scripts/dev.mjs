// `pnpm dev`: the demo backend and `ng serve` together. The page on http://localhost:4200 calls /api on
// its own origin; @sameorigin/angular forwards it to the backend. Ctrl-C stops both.
import { spawn } from 'node:child_process'
import process from 'node:process'
import { startBackend } from '@sameorigin/example-backend'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { findNode, NG_BIN, NO_NODE } from './find-node.mjs'

const node = findNode()
if (node === undefined) {
  process.stderr.write(`${NO_NODE}\n`)
  process.exit(1)
}

const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text
const log = (/** @type {string} */ line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`)

/** The backend on 4020, or a free port when that one is taken. */
async function startBackendOnPreferredPort() {
  try {
    return await startBackend({ port: 4020, log })
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error
    process.stdout.write('port 4020 is in use; the backend uses a free port instead\n')
    return startBackend({ port: 0, log })
  }
}

const backend = await startBackendOnPreferredPort()
// sameorigin.config.ts reads API_TARGET; the environment wins over .env files.
const ng = spawn(node, [NG_BIN, 'serve', ...process.argv.slice(2)], {
  cwd: new URL('..', import.meta.url),
  stdio: 'inherit',
  env: { ...process.env, API_TARGET: backend.url, NG_CLI_ANALYTICS: 'false' },
})
process.stdout.write(`  Backend: ${backend.url} (sends no CORS headers; /api reaches it through ng serve)\n`)
const exited = new Promise((resolve) => ng.once('exit', resolve))

stopOnSignals(async () => {
  ng.kill('SIGTERM')
  await Promise.all([exited, backend.close()])
})
