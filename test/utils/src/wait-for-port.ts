import type { ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/** Whether something accepts a TCP connection on 127.0.0.1:`port` right now. */
async function accepts(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Resolves once `child` (a server a test started: nginx, Caddy) accepts connections on
 * 127.0.0.1:`port`; throws if it exits first or does not listen within 10 s.
 */
export async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`it exited (${child.exitCode ?? child.signalCode}) before listening on ${port}`)
    if (await accepts(port)) return
    await sleep(25)
  }
  throw new Error(`it did not listen on ${port} within 10 s`)
}
