// A real `next dev` (Next 16, Turbopack, the default) over a one-page App Router app written into
// `workdir`. `next dev` runs its server in a child process of its own; both stay in the subject's
// process group, which the measurement covers (lib/process-tree.mjs) and launch-subject.mjs kills.

import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { freePort } from './free-port.mjs'

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

/**
 * @param {string} workdir
 * @param {Record<string, string>} files path (relative to the app) → content, besides the page and layout
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startNextDev(workdir, files) {
  const app = {
    'app/layout.js': 'export default function Layout({ children }) { return children }\n',
    'app/page.js': 'export default function Page() { return null }\n',
    ...files,
  }
  for (const [path, content] of Object.entries(app)) {
    mkdirSync(dirname(join(workdir, path)), { recursive: true })
    writeFileSync(join(workdir, path), content)
  }
  const port = await freePort()
  // `--profile` (this process runs with --cpu-prof): profile next dev's processes too, its server
  // included, through NODE_OPTIONS, where the Node running the bench allows --cpu-prof (24 does, 20
  // does not: next dev's server is then not profiled).
  const profiling = process.allowedNodeEnvironmentFlags.has('--cpu-prof')
    ? process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'))
    : []
  const nodeOptions = [process.env.NODE_OPTIONS, ...profiling].filter(Boolean).join(' ')
  const args = [nextBin, 'dev', '--hostname', '127.0.0.1', '--port', String(port)]
  const child = spawn(process.execPath, args, {
    cwd: workdir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'development',
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk
      if (/Ready in/.test(output)) resolve(undefined)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`next dev exited (${code}) before it was ready:\n${output}`)),
    )
  })
  return {
    url: `http://127.0.0.1:${port}`,
    // Waits (5 s at most) for next dev to stop its server, so profiles get written; launch-subject.mjs
    // then kills whatever is left in the process group.
    close: async () => {
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())])
    },
  }
}
