import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { createInterface } from 'node:readline'
import type { DevServer, StartDevServerOptions } from './types.ts'

/**
 * `next dev` as a user runs it, in the example's folder (its next.config.ts with `withSameOrigin`,
 * app/api/[...path]/route.ts, instrumentation-client.ts, sameorigin.config.ts and .env), in
 * route-handler mode: a child process on 127.0.0.1 and any free port (the page opens it as
 * `localhost`), every line it prints going to `log`. It runs in its own process group, so `close`
 * also stops the `next-server` child. Resolves once the page has compiled (one
 * request), so a test's first page load does not spend its own time limit on the compile.
 */
export async function startNext({ root, log }: StartDevServerOptions): Promise<DevServer> {
  const bin = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next')
  const child = spawn(process.execPath, [bin, 'dev', '--hostname', '127.0.0.1', '--port', '0'], {
    cwd: root,
    detached: true,
    env: { ...process.env, SAMEORIGIN_MODE: 'route', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal)
    } catch {
      // The group is already empty.
    }
  }
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup('SIGTERM')
      const force = setTimeout(() => signalGroup('SIGKILL'), 5_000)
      await exited
      clearTimeout(force)
    }
    // A next-server child that outlived its parent.
    signalGroup('SIGKILL')
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on('line', (line) => {
          log(`[next] ${line}`)
          // `- Local:         http://127.0.0.1:41234`
          const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1]
          if (local !== undefined) resolve(local)
        })
      }
      void exited.then(([code]) =>
        reject(new Error(`next dev exited (${String(code)}) before printing its URL`)),
      )
    })
    await (await fetch(url)).arrayBuffer()
    // The page on `localhost`, as on the other hosts: the backend (127.0.0.1) is then another host
    // name, as a staging backend is, and its cookie's Domain is one the browser would reject.
    return { url: url.replace('//127.0.0.1:', '//localhost:'), close }
  } catch (error) {
    await close()
    throw error
  }
}
