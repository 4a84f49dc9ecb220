// `pnpm dev`: the demo backend and SvelteKit's `vite dev` together. The pages on
// http://localhost:5173 call /api on their own origin: sameorigin forwards the browser's calls (the
// Vite plugin) and the load functions' (the handle hook) to the backend. Ctrl-C stops both.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { startBackend } from '@sameorigin/example-backend'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { findNode, NO_NODE } from './find-node.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const node = findNode()
if (node === undefined) {
  process.stderr.write(`${NO_NODE}\n`)
  process.exit(1)
}
const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text

// The session cookie on every path (not only /api): the server-rendered page needs it too.
const options = {
  cookiePath: '/',
  log: (/** @type {string} */ line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`),
}
const backend = await startBackend({ port: 4020, ...options }).catch(
  (/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code !== 'EADDRINUSE') throw error
    process.stdout.write('port 4020 is in use; the backend uses a free port instead\n')
    return startBackend({ port: 0, ...options })
  },
)
process.stdout.write(`  ➜  Backend: ${backend.url} (sends no CORS headers; /api reaches it through Vite)\n`)

// sameorigin.config.ts reads API_TARGET; the process environment wins over the .env files.
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js')
const child = spawn(node, [vite, 'dev'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, API_TARGET: backend.url },
})
child.once('exit', (code) => void backend.close().then(() => process.exit(code ?? 0)))

stopOnSignals(async () => {
  child.kill('SIGTERM')
  await backend.close()
})
