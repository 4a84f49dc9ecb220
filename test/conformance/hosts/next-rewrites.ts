import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { UserConfig } from '@sameorigin/core'
import { captureLogs } from '../src/capture-logs.ts'
import type { Host, StartedHost } from '../src/types.ts'
import { defineHost } from '../src/types.ts'

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')
// Apps live in this package (gitignored .tmp), so `next`, React and @sameorigin/next resolve from
// its node_modules, and Turbopack finds the workspace root above them.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
// `next dev` answers in about a second; the bound only catches a server that never gets ready.
const READY_TIMEOUT = 60_000

/** A config as the source of `sameorigin.config.mjs`: JSON, plus RegExp literals. */
function toSource(value: unknown): string {
  if (value instanceof RegExp) return value.toString()
  if (Array.isArray(value)) return `[${value.map(toSource).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${toSource(item)}`)
      .join(', ')} }`
  }
  if (typeof value === 'function')
    throw new Error('next hosts: a function in the config cannot be written to a file')
  return JSON.stringify(value)
}

/** The Next app: the route handler as a root catch-all (it answers 404 where no route matches). */
async function writeApp(dir: string, config: UserConfig, mode: 'rewrites' | 'route'): Promise<void> {
  await mkdir(join(dir, 'app', '[[...path]]'), { recursive: true })
  await writeFile(join(dir, 'sameorigin.config.mjs'), `export default ${toSource(config)}\n`)
  await writeFile(
    join(dir, 'next.config.mjs'),
    `import { withSameOrigin } from '@sameorigin/next'\nexport default withSameOrigin({}, { mode: '${mode}' })\n`,
  )
  const route =
    mode === 'route'
      ? "export { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } from '@sameorigin/next/route'\n"
      : "export function GET() {\n  return new Response('Not Found (no rewrite matched)\\n', { status: 404 })\n}\n"
  await writeFile(join(dir, 'app', '[[...path]]', 'route.js'), route)
}

/** Stops `next dev` and its `next-server` child: the whole process group, then waits for the exit. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = once(child, 'exit')
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }, 5_000)
  await exited
  clearTimeout(timer)
  try {
    // A child that ignored SIGTERM while its parent exited.
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // The group is empty: nothing left behind.
  }
}

/**
 * Starts one real `next dev` (Turbopack) on 127.0.0.1 and a free port for the app written from
 * `config`, resolves once it printed its URL and served a first request (so the route compiled), and
 * captures what it prints: stderr (where the adapter writes) as warnings, stdout as info.
 */
export async function startNextDev(config: UserConfig, mode: 'rewrites' | 'route'): Promise<StartedHost> {
  await mkdir(TMP, { recursive: true })
  const dir = await mkdtemp(join(TMP, `next-${mode}-`))
  const logs = captureLogs()
  let child: ChildProcess | undefined
  try {
    await writeApp(dir, config, mode)
    child = spawn(process.execPath, [NEXT_BIN, 'dev', '--hostname', '127.0.0.1', '--port', '0'], {
      cwd: dir,
      // Its own process group, so close() reaches the next-server child too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development', FORCE_COLOR: '0' },
    })
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`next dev was not ready in ${READY_TIMEOUT} ms:\n${logs.text()}`)),
        READY_TIMEOUT,
      )
      const read = (level: 'info' | 'warn') => (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) {
          if (line.trim() === '') continue
          logs[level](line)
          const local = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(line)
          if (local?.[1] !== undefined) {
            clearTimeout(timer)
            resolve(local[1])
          }
        }
      }
      child?.stdout?.on('data', read('info'))
      child?.stderr?.on('data', read('warn'))
      child?.once('exit', (code) => reject(new Error(`next dev exited (${code}):\n${logs.text()}`)))
    })
    // The first request compiles the catch-all route; later requests are the scenario's own.
    await (await fetch(`${url}/__sameorigin-warm-up`)).arrayBuffer()
    const started = child
    return {
      url,
      port: Number(new URL(url).port),
      root: dir,
      logs,
      close: async () => {
        await stopGroup(started)
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    if (child !== undefined) await stopGroup(child)
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

/**
 * Whether the Next hosts run: each scenario block starts its own `next dev` (about 5 minutes for both
 * hosts on 2 cores), so they join the default run only when asked for, with `CONFORMANCE_NEXT=1` or by
 * name in `CONFORMANCE_HOSTS`.
 */
export function nextHostsEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return (
    env.CONFORMANCE_NEXT === '1' ||
    (env.CONFORMANCE_HOSTS ?? '').split(',').some((name) => name.trim().startsWith('next-'))
  )
}

/**
 * `next dev` with `withSameOrigin(config)`: every route a native Next rewrite. Started once per
 * scenario block, not per test.
 *
 * Gaps, each Next's rewrite proxy's (`next/dist/server/lib/router-utils/proxy-request.js`: http-proxy
 * with `changeOrigin` only), and each printed by `withSameOrigin` at startup. Only `ws` and `hmr` can
 * be declared as capabilities today, so until the suite has one per gap these scenarios fail here:
 * - cookies: Set-Cookie passes untouched (Domain, Secure, SameSite=None, Path kept)
 * - redirects: Location / Refresh pass untouched
 * - Origin / Referer are not rewritten (requests and websocket handshakes)
 * - X-Forwarded-*: Next sets its own and keeps what the client sent; `xfwd: false` cannot remove them
 * - request header overrides (`headers`) are lost, so the matching scenarios, which read `x-route`, cannot tell
 *   routes apart (the matching itself is proved against Next's matcher in packages/next)
 * - method conditions and RegExp paths have no rewrite: those routes are not forwarded (printed)
 * - unsafe paths (encoded dot segments, NUL, backslash) are forwarded instead of refused with 400;
 *   an absolute-form request line gets Next's 308
 * - upstream down: Next answers 500 with its own page, not 502 ERR_UPSTREAM_UNREACHABLE
 * - timeout: Next's proxy timeout (30 s, `experimental.proxyTimeout`), not the route's
 * - uploads: Next buffers a proxied request body and stops at 10 MiB (`proxyClientMaxBodySize`)
 * - DNS rebinding: Next does not check `Host` before a rewrite
 * - websockets: no 502 when the upstream is down, and refused paths leave the handshake unanswered
 */
export const nextRewrites: Host = defineHost({
  name: 'next-rewrites',
  capabilities: {
    ws: true,
    hmr: "the HMR scenario edits the fixture's index.html, which a Next app does not have",
  },
  start: (_fixtureDir, config) => startNextDev(config, 'rewrites'),
})
