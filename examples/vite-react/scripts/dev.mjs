// `pnpm dev`: the demo backend and Vite's dev server together. The page on http://localhost:5173
// calls /api on its own origin; sameorigin forwards it to the backend. Ctrl-C stops both.
import process from 'node:process'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text

const { backend, server, close } = await startServers({
  port: 5173,
  backendPort: 4020,
  log: (line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`),
})

// Vite's URLs, then sameorigin's route table (the plugin prints it after them).
server.printUrls()
process.stdout.write(`  ➜  Backend: ${backend.url} (sends no CORS headers; /api reaches it through Vite)\n`)
process.stdout.write(`\n  Ctrl-C stops both.\n`)

stopOnSignals(close)
