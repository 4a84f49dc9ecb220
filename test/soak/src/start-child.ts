import type { ChildProcess } from 'node:child_process'
import { fork } from 'node:child_process'
import { once } from 'node:events'

/** A child process that reported the port it listens on. */
export interface Child {
  readonly pid: number
  readonly port: number
  readonly process: ChildProcess
  /** Ends the child (SIGTERM) and waits for it to exit. */
  readonly close: () => Promise<void>
}

/**
 * Forks `script` (next to this file) with `args` and waits for its first IPC message, `{ port }`.
 * Rejects if the child exits or reports `{ error }` first.
 */
export async function startChild(script: string, args: readonly string[] = []): Promise<Child> {
  const child = fork(new URL(script, import.meta.url), [...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${script} exited with ${String(code)} before listening`)
  })
  const message = once(child, 'message').then(([value]) => value as { port?: number; error?: string })
  const first = await Promise.race([message, exited])
  if (first.port === undefined || child.pid === undefined) {
    child.kill()
    throw new Error(`${script} did not start: ${first.error ?? 'no port'}`)
  }
  // The race's loser must not become an unhandled rejection once the child is closed.
  exited.catch(() => {})
  const port = first.port
  const pid = child.pid
  return {
    pid,
    port,
    process: child,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = once(child, 'exit')
      child.kill()
      await gone
    },
  }
}
