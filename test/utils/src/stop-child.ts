import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'

/**
 * Ends a child process a test started (a dev-server CLI): SIGTERM, then SIGKILL if it is still
 * running after 5 s; resolves once it exited. A child that already exited resolves at once.
 */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
