// Next 16 `rewrites()` to an external URL, served by a real `next dev` (Turbopack, the default).
// `next dev` runs its server in a child process of its own; the measurement covers the whole process
// group (see lib/process-tree.mjs).

import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

/** @param {{ upstream: string, workdir: string }} options */
export async function start({ upstream, workdir }) {
  mkdirSync(join(workdir, 'app'), { recursive: true })
  writeFileSync(
    join(workdir, 'next.config.mjs'),
    `export default { async rewrites() { return [{ source: '/api/:path*', destination: ${JSON.stringify(`${upstream}/api/:path*`)} }] } }\n`,
  )
  writeFileSync(
    join(workdir, 'app', 'layout.js'),
    'export default function Layout({ children }) { return children }\n',
  )
  writeFileSync(join(workdir, 'app', 'page.js'), 'export default function Page() { return null }\n')
  const port = await freePort()
  const child = spawn(process.execPath, [nextBin, 'dev', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: workdir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
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
    close: async () => {
      child.kill('SIGTERM')
    },
  }
}

/** A port that was free a moment ago: `next dev` takes a port number, not a server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })
}
