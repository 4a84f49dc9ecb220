// `npm run dev`: the demo backend (backend.mjs) and the dev server together; Ctrl-C stops both.
// Arguments are the dev server's: `npm run dev -- --port 3001`. When API_TARGET (.env, .env.local or
// the environment) points at a backend elsewhere, only the dev server starts and /api goes there.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { localPort, readApiTarget, startBackend } from './backend.mjs'

/** The dev server: the package whose command runs it, that command, and its first arguments. */
const DEV_SERVER = { package: 'vite', command: 'vite', args: [] }

const target = readApiTarget()
const port = localPort(target)
const backend =
  port === undefined
    ? undefined
    : await startBackend({ port, log: (line) => process.stdout.write(`[backend] ${line}\n`) }).catch(
        (/** @type {NodeJS.ErrnoException} */ error) => {
          const hint =
            error.code === 'EADDRINUSE'
              ? ` Stop what runs there, or set another port in API_TARGET (.env), e.g. http://127.0.0.1:${port + 1}.`
              : ''
          process.stderr.write(
            `The demo backend could not listen on 127.0.0.1:${port}: ${error.message}.${hint}\n`,
          )
          process.exit(1)
        },
      )
process.stdout.write(
  backend
    ? `[backend] demo backend on ${backend.url}; the dev server forwards /api to it.\n`
    : `[backend] not started: API_TARGET is ${target ?? 'not set (see .env)'}, and /api goes there.\n`,
)

const child = spawn(process.execPath, [binPath(DEV_SERVER), ...DEV_SERVER.args, ...process.argv.slice(2)], {
  stdio: 'inherit',
})

// Ctrl-C reaches the dev server by itself (same terminal); a signal sent to this script alone is passed on.
let stopping = false
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.on(signal, () => {
    stopping = true
    child.kill(signal)
  })
}
child.on('exit', (code) => {
  void (backend?.close() ?? Promise.resolve()).then(() => process.exit(stopping ? 0 : (code ?? 1)))
})

/**
 * The file a package's command runs, from its package.json `bin` (no shell, so it runs the same
 * everywhere).
 * @param {{ package: string, command: string }} server
 * @returns {string}
 */
function binPath(server) {
  const manifestPath = createRequire(import.meta.url).resolve(`${server.package}/package.json`)
  /** @type {{ bin?: string | Record<string, string> }} */
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[server.command]
  if (!bin) throw new Error(`${server.package} has no "${server.command}" command: run npm install again.`)
  return join(dirname(manifestPath), bin)
}
