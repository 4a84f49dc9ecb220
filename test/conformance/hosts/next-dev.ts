// The Next hosts' `next dev` processes. They run in the vitest main process (src/global-setup.ts
// starts them, once per host for the whole run), because test files run in separate workers: a
// worker asks the coordinator (a small HTTP server) for a host with its block's config, and gets it
// once no other block is using that host (one block at a time per host).
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import type { LogLine } from '../src/types.ts'
import { writeSsrPage } from './next-ssr-page.ts'

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')
// Apps live in this package (gitignored .tmp), so `next`, React and @sameorigin/next resolve from
// its node_modules, and Turbopack finds the workspace root above them.
const TMP = fileURLToPath(new URL('../.tmp/', import.meta.url))
// `next dev` is ready in a few seconds; the bound only catches a server that never gets ready.
const READY_TIMEOUT = 60_000
/** The path the route handler answers with its config generation (see {@link routeSource}). */
export const GENERATION_PATH = '/__conformance-generation'

export type NextMode = 'rewrites' | 'route'

/** What a worker sends to get a Next host: the config as module source, and whether it opens websockets. */
export interface NextLease {
  readonly mode: NextMode
  /** `sameorigin.config.mjs`'s default export, as source (it may hold RegExp literals). */
  readonly config: string
  /** The block proxies websocket upgrades: the route handler's upgrade-only rewrites must be current. */
  readonly websockets: boolean
}

/** What the worker gets back: where the host listens, and the file its output goes to. */
export interface NextGranted {
  readonly url: string
  readonly root: string
  readonly output: OutputFiles
}

/**
 * The files `next dev` writes its stdout (`info`) and stderr (`warn`, where the adapter writes) to,
 * directly (no pipe through this process, so a line is there as soon as Next wrote it).
 */
export type OutputFiles = Readonly<Record<'info' | 'warn', string>>

/** The coordinator's address, `provide`d to the workers as `nextCoordinator`. */
export interface NextCoordinator {
  readonly url: string
}

const nextConfigSource = (mode: NextMode, generation: number): string =>
  // The generation makes each write a change, which is what restarts Next's server.
  `import { withSameOrigin } from '@sameorigin/next'\n// generation ${generation}\nexport default withSameOrigin({}, { mode: '${mode}' })\n`

/**
 * The root catch-all route. Rewrites mode: a 404 where no rewrite matched. Route mode:
 * `createRouteHandler` from `@sameorigin/next/route` with the block's config inline, so a new config is
 * a hot update of this file instead of a server restart; GET also answers {@link GENERATION_PATH}
 * with the generation, which is how the switch is known to be served.
 */
function routeSource(mode: NextMode, config: string, generation: number): string {
  if (mode === 'rewrites') {
    return "export function GET() {\n  return new Response('Not Found (no rewrite matched)\\n', { status: 404 })\n}\n"
  }
  return [
    "import { createRouteHandler } from '@sameorigin/next/route'",
    `const handlers = createRouteHandler({ configFile: false, ...${config} })`,
    'export const { HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = handlers',
    'export function GET(request, context) {',
    `  if (new URL(request.url).pathname === '${GENERATION_PATH}') return new Response('${generation}')`,
    '  return handlers.GET(request, context)',
    '}',
    '',
  ].join('\n')
}

/**
 * The complete lines of `file` from byte `offset` on, as `level` log lines; `advance` receives the
 * offset after the last complete line (a line still being written is read next time).
 */
export function readLines(
  file: string,
  level: LogLine['level'],
  offset: number,
  advance: (end: number) => void = () => {},
): LogLine[] {
  const bytes = readFileSync(file).subarray(offset)
  const end = bytes.lastIndexOf(0x0a) + 1
  advance(offset + end)
  return bytes
    .subarray(0, end)
    .toString('utf8')
    .split('\n')
    .filter((message) => message.trim() !== '')
    .map((message) => ({ level, message }))
}

async function removeApp(root: string, files: OutputFiles): Promise<void> {
  await rm(root, { recursive: true, force: true })
  await Promise.all(Object.values(files).map((file) => rm(file, { force: true })))
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

/** Resolves when `predicate` holds for a line `next dev` prints from now on; rejects after {@link READY_TIMEOUT}. */
type WaitForLine = (predicate: (line: string) => boolean, what: string) => Promise<string>

/** One `next dev` for one mode, switched from config to config for the whole run. */
export class NextApp {
  private generation = 0
  private queue: Promise<void> = Promise.resolve()

  private constructor(
    readonly mode: NextMode,
    readonly root: string,
    readonly url: string,
    readonly output: OutputFiles,
    private readonly child: ChildProcess,
    private readonly waitForLine: WaitForLine,
    private readonly stopTail: () => void,
  ) {}

  /** Starts `next dev` (Turbopack) on 127.0.0.1 and a free port, with no routes yet. */
  static async start(mode: NextMode): Promise<NextApp> {
    await mkdir(TMP, { recursive: true })
    const root = await mkdtemp(join(TMP, `next-${mode}-`))
    // Beside the app, not in it, so Next's watchers never see them change.
    const files: OutputFiles = { info: `${root}.stdout.log`, warn: `${root}.stderr.log` }
    const fds = [openSync(files.info, 'a'), openSync(files.warn, 'a')] as const
    let child: ChildProcess | undefined
    let tail: NodeJS.Timeout | undefined
    try {
      await mkdir(join(root, 'app', '[[...path]]'), { recursive: true })
      await writeFile(join(root, 'sameorigin.config.mjs'), 'export default { routes: {} }\n')
      await writeFile(join(root, 'next.config.mjs'), nextConfigSource(mode, 0))
      await writeFile(join(root, 'app', '[[...path]]', 'route.js'), routeSource(mode, '{ routes: {} }', 0))
      await writeSsrPage(root)
      child = spawn(process.execPath, [NEXT_BIN, 'dev', '--hostname', '127.0.0.1', '--port', '0'], {
        cwd: root,
        // Its own process group, so stopping it reaches the next-server child too.
        detached: true,
        stdio: ['ignore', fds[0], fds[1]],
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development', FORCE_COLOR: '0' },
      })
      const waiters = new Set<(line: string) => void>()
      const output: string[] = []
      // Follows both files for the lines this process waits for (the URL, a restart's "Ready").
      const offsets = { info: 0, warn: 0 }
      const follow = (): void => {
        for (const level of ['info', 'warn'] as const) {
          for (const { message } of readLines(
            files[level],
            level,
            offsets[level],
            (end) => (offsets[level] = end),
          )) {
            output.push(message)
            for (const waiter of waiters) waiter(message)
          }
        }
      }
      tail = setInterval(follow, 20)
      const started = child
      const waitForLine: WaitForLine = (predicate, what) =>
        new Promise((resolve, reject) => {
          const done = (error?: Error, line?: string): void => {
            clearTimeout(timer)
            waiters.delete(onLine)
            started.off('exit', onExit)
            if (error === undefined) resolve(line ?? '')
            else reject(error)
          }
          const onLine = (line: string): void => {
            if (predicate(line)) done(undefined, line)
          }
          const onExit = (code: number | null): void =>
            done(new Error(`next dev (${mode}) exited (${code}) before ${what}:\n${output.join('\n')}`))
          const timer = setTimeout(
            () =>
              done(new Error(`next dev (${mode}): no ${what} in ${READY_TIMEOUT} ms:\n${output.join('\n')}`)),
            READY_TIMEOUT,
          )
          waiters.add(onLine)
          started.once('exit', onExit)
        })
      const local = await waitForLine((line) => /Local:\s+http:\/\/127\.0\.0\.1:\d+/.test(line), 'URL')
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(local)?.[1] ?? ''
      // If vitest exits without its teardown (an interrupted run), the group must not outlive it.
      const pid = child.pid
      const killOnExit = (): void => {
        try {
          if (pid !== undefined) process.kill(-pid, 'SIGKILL')
        } catch {
          // Already stopped.
        }
      }
      process.once('exit', killOnExit)
      const stopTail = (): void => {
        clearInterval(tail)
        process.off('exit', killOnExit)
      }
      const app = new NextApp(mode, root, url, files, child, waitForLine, stopTail)
      // The first request compiles the catch-all route; later requests are the scenarios' own.
      await (await fetch(`${url}/__sameorigin-warm-up`)).arrayBuffer()
      return app
    } catch (error) {
      clearInterval(tail)
      if (child !== undefined) await stopGroup(child)
      await removeApp(root, files)
      throw error
    } finally {
      for (const fd of fds) closeSync(fd)
    }
  }

  /**
   * Waits until no other block uses this app, switches it to `lease`'s config and resolves once that
   * config is served; the returned function hands the app back. Rewrites mode: Next reads rewrites
   * only when its server starts, so the new `sameorigin.config.mjs` is applied by rewriting
   * `next.config.mjs` (Next restarts its server, same port). Route mode: the route file is hot-updated,
   * plus that restart when the block opens websockets (their upgrade-only rewrites).
   */
  async acquire(lease: NextLease): Promise<() => void> {
    let release!: () => void
    const previous = this.queue
    this.queue = new Promise((resolve) => (release = resolve))
    await previous
    try {
      await this.switchTo(lease)
    } catch (error) {
      release()
      throw error
    }
    return release
  }

  private async switchTo(lease: NextLease): Promise<void> {
    const generation = ++this.generation
    await writeFile(join(this.root, 'sameorigin.config.mjs'), `export default ${lease.config}\n`)
    if (this.mode === 'route') {
      await writeFile(
        join(this.root, 'app', '[[...path]]', 'route.js'),
        routeSource('route', lease.config, generation),
      )
    }
    if (this.mode === 'rewrites' || lease.websockets) {
      const restarted = this.waitForLine((line) => /Ready in/.test(line), 'restart after the config change')
      await writeFile(join(this.root, 'next.config.mjs'), nextConfigSource(this.mode, generation))
      await restarted
      await (await fetch(`${this.url}/__sameorigin-warm-up`)).arrayBuffer()
    }
    if (this.mode === 'route') {
      // The hot update is served once the route answers with the new generation.
      const deadline = Date.now() + READY_TIMEOUT
      for (;;) {
        const res = await fetch(`${this.url}${GENERATION_PATH}`)
        if ((await res.text()) === String(generation)) break
        if (Date.now() > deadline) throw new Error(`next dev (route): generation ${generation} never served`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
    }
  }

  async close(): Promise<void> {
    this.stopTail()
    await stopGroup(this.child)
    await removeApp(this.root, this.output)
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let body = ''
  for await (const chunk of req) body += String(chunk)
  return JSON.parse(body) as unknown
}

/**
 * Serves `POST /acquire` (a {@link NextLease} → {@link NextGranted}, once the app is free and
 * switched) and `POST /release/<lease id>` for the apps given.
 */
export async function startCoordinator(
  apps: ReadonlyMap<NextMode, NextApp>,
): Promise<NextCoordinator & { close: () => Promise<void> }> {
  const releases = new Map<string, () => void>()
  let leases = 0
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/'
    if (req.method === 'POST' && path === '/acquire') {
      const lease = (await readJson(req)) as NextLease
      const app = apps.get(lease.mode)
      if (app === undefined) throw new Error(`no next dev for mode ${lease.mode} (not selected?)`)
      const release = await app.acquire(lease)
      const id = String(++leases)
      releases.set(id, release)
      const granted: NextGranted & { id: string } = { id, url: app.url, root: app.root, output: app.output }
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(granted))
      return
    }
    const released = /^\/release\/(\d+)$/.exec(path)?.[1]
    if (req.method === 'POST' && released !== undefined) {
      releases.get(released)?.()
      releases.delete(released)
      res.end()
      return
    }
    res.statusCode = 404
    res.end()
  }
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.statusCode = 500
      res.end(error instanceof Error ? (error.stack ?? error.message) : String(error))
    })
  })
  // A lease waits for as long as other blocks hold the app.
  server.requestTimeout = 0
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
