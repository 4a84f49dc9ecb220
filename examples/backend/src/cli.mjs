#!/usr/bin/env node
// `pnpm start` / `sameorigin-example-backend`: runs the demo backend on BACKEND_PORT (default 4020).
import process from 'node:process'
import { startBackend } from './start-backend.mjs'

// An empty BACKEND_PORT counts as unset, as shells and .env files often leave it.
const port = Number(process.env.BACKEND_PORT || 4020)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`BACKEND_PORT must be a port number, got "${process.env.BACKEND_PORT}"\n`)
  process.exit(1)
}

try {
  const backend = await startBackend({ port, log: (line) => process.stdout.write(`${line}\n`) })
  process.stdout.write(`example backend listening on ${backend.url} (it sends no CORS headers)\n`)
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => void backend.close().then(() => process.exit(0)))
  }
} catch (error) {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code
  const reason =
    code === 'EADDRINUSE' ? `port ${port} is in use; set BACKEND_PORT to another port` : String(error)
  process.stderr.write(`example backend could not start: ${reason}\n`)
  process.exit(1)
}
