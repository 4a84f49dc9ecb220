import { spawn } from 'node:child_process'
import { EventEmitter, once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import process from 'node:process'
import { setTimeout as delay } from 'node:timers/promises'
import { onTestFinished } from 'vitest'

// Running a scaffolded app's `dev` script (dev.mjs) as a terminal would, and the servers around it.

/** A port free on 127.0.0.1 right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  server.close()
  await once(server, 'close')
  return port
}

/**
 * "Your backend": a real server on 127.0.0.1 port 0 answering GET /api/health with
 * `{ service: 'your backend' }`, stopped when the test ends.
 */
export async function startUserBackend(): Promise<{ url: string; port: number }> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ status: 'ok', service: 'your backend' }))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  onTestFinished(async () => {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
  })
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, port }
}

export interface DevProcess {
  readonly pid: number
  readonly exited: Promise<number | null>
  output: () => string
  /** Resolves once the output contains `text`; rejects when dev.mjs exits first. */
  waitForOutput: (text: string) => Promise<void>
  /** Resolves once no process of the group is left (the dev server's own children included). */
  groupGone: () => Promise<void>
}

/**
 * `node dev.mjs <args>` in `app`, in its own process group (as a terminal runs it), so the test can
 * signal the group like Ctrl-C does; whatever is left when the test ends is killed.
 */
export function startDev(app: string, args: readonly string[], env: NodeJS.ProcessEnv): DevProcess {
  const child = spawn(process.execPath, ['dev.mjs', ...args], {
    cwd: app,
    detached: true,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pid = child.pid
  if (pid === undefined) throw new Error('dev.mjs did not start')
  let output = ''
  const events = new EventEmitter()
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      events.emit('output')
    })
  }
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  const groupAlive = () => {
    try {
      process.kill(-pid, 0)
      return true
    } catch {
      return false
    }
  }
  onTestFinished(() => {
    if (groupAlive()) process.kill(-pid, 'SIGKILL')
  })
  return {
    pid,
    exited,
    output: () => output,
    waitForOutput: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return
          events.off('output', check)
          resolve()
        }
        events.on('output', check)
        check()
        void exited.then(() => {
          events.off('output', check)
          if (output.includes(text)) resolve()
          else reject(new Error(`dev.mjs exited before printing ${JSON.stringify(text)}:\n${output}`))
        })
      }),
    groupGone: async () => {
      while (groupAlive()) await delay(100)
    },
  }
}

/**
 * Asks `url` until it answers (the dev server compiles and the backend starts first). Fails with
 * the dev output when `dev.mjs` exits before that.
 */
export async function waitForHealth(
  url: string,
  dev: DevProcess,
): Promise<{ status: number; headers: Headers; body: string }> {
  let exited = false
  void dev.exited.then(() => (exited = true))
  for (;;) {
    if (exited) throw new Error(`dev.mjs exited before ${url} answered:\n${dev.output()}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) })
      return { status: response.status, headers: response.headers, body: await response.text() }
    } catch {
      await delay(250)
    }
  }
}

/**
 * The local addresses listening on TCP `port`, from Linux's /proc/net/tcp and tcp6 (`127.0.0.1`,
 * `::1`, `0.0.0.0`, `::`), so a test can tell a loopback-only server from one on every interface
 * without connecting from outside. Empty where /proc is not there.
 */
export function listeningAddresses(port: number): string[] {
  const addresses: string[] = []
  for (const [file, decode] of [
    ['/proc/net/tcp', decodeIpv4],
    ['/proc/net/tcp6', decodeIpv6],
  ] as const) {
    let table: string
    try {
      table = readFileSync(file, 'utf8')
    } catch {
      continue
    }
    for (const line of table.split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/)
      const [hex, portHex] = local?.split(':') ?? []
      // 0A: LISTEN.
      if (state === '0A' && hex && Number.parseInt(portHex ?? '', 16) === port) addresses.push(decode(hex))
    }
  }
  return addresses
}

/** `0100007F` → `127.0.0.1` (/proc writes the address in host byte order, little-endian here). */
function decodeIpv4(hex: string): string {
  return [6, 4, 2, 0].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join('.')
}

/** The 32 hex digits of /proc/net/tcp6 → `::1`, `::`, `::ffff:127.0.0.1` (four little-endian words). */
function decodeIpv6(hex: string): string {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap((word) =>
    (word.match(/../g) ?? []).toReversed().map((byte) => Number.parseInt(byte, 16)),
  )
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0))
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return `::ffff:${bytes.slice(12).join('.')}`
  const text = groups.map((group) => group.toString(16)).join(':')
  return text.replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:::+/, '::')
}

/** Whether an address from listeningAddresses() is this machine alone. */
export function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.')
}
