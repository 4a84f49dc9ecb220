import { createServer } from 'node:net'
import type { Socket } from 'node:net'
import { onTestFinished } from 'vitest'

/**
 * A TCP server on 127.0.0.1 that accepts connections and never says a word: a backend that hangs,
 * or a TLS handshake that never completes. Stopped, its sockets destroyed, when the test finishes.
 * @returns the port it listens on
 */
export async function startSilentServer(): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('not listening on a TCP port')
  return address.port
}
