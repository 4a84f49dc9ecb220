// What `pnpm dev` and the smoke test share: the demo backend, then `next dev` in this folder, whose
// next.config.ts (withSameOrigin) and app/api/[...path]/route.ts forward /api to that backend.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { startBackend } from '@sameorigin/example-backend'

/** @import { Backend } from '@sameorigin/example-backend' */
/** @import { ChildProcess } from 'node:child_process' */

/** The example's folder: Next's root, where next.config.ts, sameorigin.config.ts and .env live. */
export const root = fileURLToPath(new URL('..', import.meta.url))
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')

/**
 * @typedef {object} StartServersOptions
 * @property {number} port Next's port (0: any free port)
 * @property {number} backendPort the backend's port (0: any free port)
 * @property {'route' | 'rewrites'} [mode] how Next forwards /api (SAMEORIGIN_MODE); default: the route handler
 * @property {(line: string) => void} [log] receives the backend's request lines and everything Next prints
 */

/**
 * @typedef {object} Servers
 * @property {Backend} backend
 * @property {string} devUrl the dev server's origin, e.g. `http://127.0.0.1:3000`
 * @property {() => Promise<void>} close stops both (Next's whole process group)
 */

/**
 * Starts the backend, then `next dev` on 127.0.0.1 with `API_TARGET` pointing at it, in its own
 * process group so that stopping it also stops its `next-server` child.
 * @param {StartServersOptions} options
 * @returns {Promise<Servers>}
 */
export async function startServers({ port, backendPort, mode = 'route', log = () => {} }) {
  const backend = await startBackend({ port: backendPort, log })
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'dev', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, API_TARGET: backend.url, SAMEORIGIN_MODE: mode, NEXT_TELEMETRY_DISABLED: '1' },
    },
  )
  const close = async () => {
    await stopGroup(child)
    await backend.close()
  }
  try {
    const devUrl = await waitForUrl(child, log)
    return { backend, devUrl, close }
  } catch (error) {
    await close()
    throw error
  }
}

/**
 * Resolves with the URL `next dev` prints once it listens; rejects if it exits first.
 * @param {ChildProcess} child
 * @param {(line: string) => void} log
 * @returns {Promise<string>}
 */
function waitForUrl(child, log) {
  return new Promise((resolve, reject) => {
    /** @param {Buffer} chunk */
    const read = (chunk) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue
        log(line)
        const local = /Local:\s+(http:\/\/[\w.:[\]]+)/.exec(line)
        if (local?.[1]) resolve(local[1])
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`next dev exited with ${code} before it listened`)))
  })
}

/**
 * Stops `next dev` and every process it started (its group), and waits until it has exited.
 * @param {ChildProcess} child
 */
export async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = once(child, 'exit')
  process.kill(-child.pid, 'SIGTERM')
  const force = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000)
  await exited
  clearTimeout(force)
  // A child that outlived its parent.
  killGroup(child.pid, 'SIGKILL')
}

/**
 * @param {number | undefined} pid
 * @param {NodeJS.Signals} signal
 */
function killGroup(pid, signal) {
  try {
    if (pid !== undefined) process.kill(-pid, signal)
  } catch {
    // The group is already empty.
  }
}
