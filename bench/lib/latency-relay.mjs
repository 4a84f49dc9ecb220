// A TCP relay that delays every chunk by a fixed time in each direction: a remote backend on loopback.
// Chunks keep their order (Node runs equal-delay timers first-in, first-out), ends are delayed too.

import { connect, createServer } from 'node:net'
import { listenOnLoopback } from './listen-on-loopback.mjs'

/**
 * Starts a relay on 127.0.0.1 to `targetPort`, adding `delayMs` each way.
 * @param {number} targetPort
 * @param {number} delayMs
 */
export async function startLatencyRelay(targetPort, delayMs) {
  const sockets = new Set()
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    pipeWithDelay(client, upstream, delayMs)
    pipeWithDelay(upstream, client, delayMs)
  })
  const listening = await listenOnLoopback(server)
  return {
    port: listening.port,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return listening.close()
    },
  }
}

/**
 * @param {import('node:net').Socket} from
 * @param {import('node:net').Socket} to
 * @param {number} delayMs
 */
function pipeWithDelay(from, to, delayMs) {
  from.on('data', (chunk) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk)
    }, delayMs)
  })
  from.on('end', () => setTimeout(() => to.end(), delayMs))
}
