// `npm run dev`: the demo backend (backend.mjs) and the dev server together; Ctrl-C stops both.
// Arguments are the dev server's: `npm run dev -- --port 3001`. The demo backend starts only where
// .env's API_TARGET points, and only when nothing answers there: set API_TARGET in .env.local (or the
// environment) to your own backend and /api goes there, with no demo backend in the way.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { demoTarget, localPort, readApiTarget, startBackend } from './backend.mjs'

/** The dev server: the package whose command runs it, that command, and its first arguments. */
const DEV_SERVER = { package: '@angular/cli', command: 'ng', args: ['serve'] }

const demo = demoTarget()
const target = readApiTarget() ?? demo
const answering = localPort(target) !== undefined && (await answers(target))
const backend =
  sameAddress(target, demo) && !answering
    ? await startBackend({
        port: Number(localPort(demo)),
        log: (line) => process.stdout.write(`[backend] ${line}\n`),
      }).catch((/** @type {NodeJS.ErrnoException} */ error) => {
        process.stderr.write(`The demo backend could not listen on ${demo}: ${error.message}.\n`)
        process.exit(1)
      })
    : undefined
process.stdout.write(
  backend
    ? `[backend] demo backend on ${backend.url}; the dev server forwards /api to it.\n`
    : `[backend] your backend at ${target} (API_TARGET); the dev server forwards /api there${
        localPort(target) !== undefined && !answering ? ', but nothing answers there yet' : ''
      }.\n`,
)

const child = spawn(process.execPath, [binPath(DEV_SERVER), ...DEV_SERVER.args, ...process.argv.slice(2)], {
  stdio: 'inherit',
  // API_TARGET as decided here, also when no file sets it (sameorigin.config.ts needs it).
  env: { ...process.env, API_TARGET: target },
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

/**
 * Whether something accepts connections at `url` (its host and port) on this machine.
 * @param {string} url
 * @returns {Promise<boolean>}
 */
function answers(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 80) })
    const done = (/** @type {boolean} */ answered) => {
      socket.destroy()
      resolve(answered)
    }
    socket.setTimeout(2000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * Whether two local http URLs name the same port (`localhost` and `127.0.0.1` are the same machine).
 * @param {string} a
 * @param {string} b
 * @returns {boolean}
 */
function sameAddress(a, b) {
  return localPort(a) !== undefined && localPort(a) === localPort(b)
}
