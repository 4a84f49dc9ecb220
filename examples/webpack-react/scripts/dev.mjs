// `pnpm dev`: the demo backend and `webpack serve` together. The page on http://localhost:8080 calls
// /api on its own origin; sameorigin forwards it to the backend. Ctrl-C stops both.
import process from 'node:process'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const dim = (/** @type {string} */ text) =>
  process.stdout.isTTY && !process.env.NO_COLOR ? `\x1b[2m${text}\x1b[22m` : text

// webpack-dev-server's URLs, sameorigin's route table and webpack's build output, as `webpack serve` prints them.
const { backend, close } = await startServers({
  port: 'auto',
  backendPort: 4020,
  onLine: (line) => process.stdout.write(`${line}\n`),
  log: (line) => process.stdout.write(`${dim(`[backend] ${line}`)}\n`),
})

process.stdout.write(
  `  ➜  Backend: ${backend.url} (sends no CORS headers; /api reaches it through webpack-dev-server)\n`,
)
process.stdout.write(`\n  Ctrl-C stops both.\n`)

stopOnSignals(close)
