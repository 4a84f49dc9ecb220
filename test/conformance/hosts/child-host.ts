// A host whose dev server runs in a child process (a newer Node than the suite's, or a CLI): the
// child's lines become the host's logs, and its port is read from what it prints.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import process from 'node:process'
import { pathToFileURL } from 'node:url'
import { createInterface } from 'node:readline'
import { stopChild } from '@sameorigin/test-utils'
import { captureLogs } from '../src/capture-logs.ts'
import type { CapturedLogs, LogLine } from '../src/types.ts'

export { findNode24, toSource } from '@sameorigin/test-utils'

/** A module path as a quoted `file:` URL, for an `import` in a child's program. */
export const toImportUrl = (path: string): string => JSON.stringify(pathToFileURL(path).href)

/** What a child may print on stdout as one JSON line: its port, or a log line. */
interface ChildMessage {
  readonly port?: number
  readonly level?: LogLine['level']
  readonly message?: string
}

export interface ChildHostOptions {
  /** The host's name, for errors. */
  readonly name: string
  /** The program (a Node binary) and its arguments. */
  readonly command: string
  readonly args: readonly string[]
  readonly cwd: string
  readonly env?: NodeJS.ProcessEnv
  /**
   * How the port is known from a plain output line (a CLI's "Local: http://127.0.0.1:5173/"); a
   * runner script prints `{"port": 5173}` instead. The first capture group is the port.
   */
  readonly portPattern?: RegExp
  /** Bound on the start, for a server that never gets ready. @default 60_000 */
  readonly timeout?: number
}

export interface ChildHost {
  readonly child: ChildProcess
  readonly port: number
  readonly logs: CapturedLogs
  /** Stops the child (SIGTERM, then SIGKILL after 5 s) and waits for its exit. */
  readonly close: () => Promise<void>
}

/** A plain line: ANSI colours stripped, the level from the stream it came on. */
function toMessage(line: string, stream: 'stdout' | 'stderr'): ChildMessage {
  if (line.startsWith('{')) {
    try {
      return JSON.parse(line) as ChildMessage
    } catch {
      // Not one of a runner's messages: a plain line.
    }
  }
  // oxlint-disable-next-line no-control-regex
  const message = line.replace(/\u001b\[[0-9;]*m/g, '')
  return { level: stream === 'stdout' ? 'info' : 'warn', message }
}

/**
 * Spawns the child and resolves once its port is known: a `{"port"}` line on stdout, or a line
 * matching `portPattern` on either stream. Every other line is a log line (JSON `{level, message}` or
 * plain text: stdout `info`, stderr `warn`). Rejects, with everything it printed, when the child exits
 * or stays silent past the bound; the child is stopped then.
 */
export async function startChildHost(options: ChildHostOptions): Promise<ChildHost> {
  const logs = captureLogs()
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const close = (): Promise<void> => stopChild(child)
  let timer: NodeJS.Timeout | undefined
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const onLine = (stream: 'stdout' | 'stderr') => (line: string) => {
        const message = toMessage(line, stream)
        const text = message.message
        const matched = text === undefined ? undefined : options.portPattern?.exec(text)
        if (message.port !== undefined) resolve(message.port)
        else if (matched?.[1] !== undefined) resolve(Number(matched[1]))
        if (message.level !== undefined && text !== undefined) logs[message.level](text)
      }
      createInterface({ input: child.stdout! }).on('line', onLine('stdout'))
      createInterface({ input: child.stderr! }).on('line', onLine('stderr'))
      const bound = options.timeout ?? 60_000
      timer = setTimeout(
        () => reject(new Error(`${options.name}: no port in ${bound} ms:\n${logs.text()}`)),
        bound,
      )
      child.once('exit', (code) => reject(new Error(`${options.name} exited (${code}):\n${logs.text()}`)))
      child.once('error', reject)
    })
    clearTimeout(timer)
    return { child, port, logs, close }
  } catch (error) {
    clearTimeout(timer)
    await close()
    throw error
  }
}
