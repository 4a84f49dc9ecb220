// Runs one autocannon measurement in its own process (autocannon-process.mjs) and returns its summary.

import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ENTRY = fileURLToPath(new URL('../autocannon-process.mjs', import.meta.url))

/**
 * @typedef {object} LoadResult
 * @property {number} requests completed in the measured run
 * @property {number} seconds the measured run's length
 * @property {number} bytes read by autocannon (headers and bodies)
 * @property {number} errors connection errors
 * @property {number} timeouts
 * @property {number} non2xx
 * @property {number} p50 ms, over every 2xx response
 * @property {number} p99 ms
 * @property {number | undefined} cpuMs the subject's CPU time during the measured run
 */

/**
 * @param {{ url: string, connections: number, warmupSeconds: number, seconds: number, headers?: Record<string, string>, pgid?: number, env?: NodeJS.ProcessEnv }} job
 * @returns {Promise<LoadResult>}
 */
export function runAutocannon({ env, ...job }) {
  const child = fork(ENTRY, [], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const stop = () => child.kill('SIGKILL')
  process.once('exit', stop)
  return new Promise((resolve, reject) => {
    const limit = (job.warmupSeconds + job.seconds) * 1000 + 60_000
    const timer = setTimeout(() => reject(new Error(`autocannon did not finish in ${limit} ms`)), limit)
    child.once('message', (summary) => resolve(summary))
    child.once('exit', (code) => reject(new Error(`autocannon exited (${code}) without a result`)))
    child.send(job)
    child.once('exit', () => {
      clearTimeout(timer)
      process.off('exit', stop)
    })
  })
}
