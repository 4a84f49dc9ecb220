// `pnpm dev`: the demo backend and Rsbuild's dev server together. The page on http://localhost:3000
// calls /api on its own origin; sameorigin forwards it to the backend. Ctrl-C stops both.
import process from 'node:process'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text

// Rsbuild prints its URLs, then sameorigin's route table, as it starts.
const { backend, close } = await startServers({
  port: 3000,
  backendPort: 4020,
  log: (line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`),
})

process.stdout.write(
  `  ➜  Backend: ${backend.url} (sends no CORS headers; /api reaches it through Rsbuild)\n`,
)
process.stdout.write(`\n  Ctrl-C stops both.\n`)

stopOnSignals(close)
