// `pnpm dev`: the demo backend and `next dev` together. The page on http://127.0.0.1:3000 calls /api
// on its own origin; sameorigin forwards it to the backend. Ctrl-C stops both.
import process from 'node:process'
import { stopOnSignals } from '@sameorigin/example-backend/walkthrough'
import { startServers } from './start-servers.mjs'

const mode = process.env.SAMEORIGIN_MODE === 'rewrites' ? 'rewrites' : 'route'
const { backend, devUrl, close } = await startServers({
  port: 3000,
  backendPort: 4020,
  mode,
  log: (line) => process.stdout.write(`${line}\n`),
})
process.stdout.write(
  `\n  ➜  ${devUrl} forwards /api to ${backend.url} (${mode} mode). Ctrl-C stops both.\n\n`,
)

stopOnSignals(close)
