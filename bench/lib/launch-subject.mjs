// Starts a subject in its own process (its own process group) and stops it; every process started
// here is killed when the benchmark exits, however it exits.

import { fork } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ENTRY = fileURLToPath(new URL('../subject-process.mjs', import.meta.url))
const READY_TIMEOUT_MS = 90_000
/** Process groups still running. */
const groups = new Set()

function killAll() {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL')
    } catch {}
  }
  groups.clear()
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping every subject`)
    process.exit(130)
  })
}

/**
 * @typedef {object} RunningSubject
 * @property {string} name
 * @property {string} url where `/api/...` reaches the upstream through the subject
 * @property {number | undefined} pgid the subject's process group; `undefined` for `direct`
 * @property {() => Promise<NodeJS.MemoryUsage>} memory the subject's `process.memoryUsage()`, after a
 *   full garbage collection when it was launched with `exposeGc`
 * @property {() => Promise<void>} close
 */

/**
 * @param {string} name a module in src/
 * @param {{ upstream: string, workdir: string, caFile: string, profileDir?: string, exposeGc?: boolean, options?: Record<string, unknown> }} options
 *   `options`: more for the subject's `start` (`{ inspector: true }` for sameorigin-core)
 * @returns {Promise<RunningSubject>}
 */
export async function launchSubject(name, { upstream, workdir, caFile, profileDir, exposeGc, options }) {
  mkdirSync(workdir, { recursive: true })
  const module = await import(`../src/${name}.mjs`)
  if (module.proxyless) {
    const running = await module.start({ upstream, workdir })
    const memory = () => Promise.reject(new Error(`${name} has no process`))
    return { name, url: running.url, pgid: undefined, memory, close: running.close }
  }
  const execArgv = [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, name)}`] : []),
    ...(exposeGc ? ['--expose-gc'] : []),
  ]
  const child = fork(ENTRY, [name], {
    detached: true, // its own process group: measured and killed as one
    execArgv,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const pgid = /** @type {number} */ (child.pid)
  groups.add(pgid)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const close = async () => {
    if (child.connected) child.send('close')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    try {
      process.kill(-pgid, 'SIGKILL') // whatever the subject left behind in its group
    } catch {}
    groups.delete(pgid)
  }
  try {
    const reply = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} not ready in ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      )
      child.once('message', (message) => {
        clearTimeout(timer)
        resolve(message)
      })
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready`)))
      child.send({ ...options, upstream, workdir })
    })
    if (reply.error) throw new Error(`${name} failed to start:\n${reply.error}`)
    const memory = () =>
      new Promise((resolve, reject) => {
        child.once('message', (message) => resolve(message.memory))
        child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)))
        child.send('memory')
      })
    return { name, url: reply.url, pgid, memory, close }
  } catch (error) {
    await close()
    throw error
  }
}
