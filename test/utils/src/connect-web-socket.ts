import { once } from 'node:events'
import { onTestFinished } from 'vitest'
import { WebSocket } from 'ws'

/** A WebSocket client that keeps every message, so none is missed between connecting and waiting. */
export interface SocketClient {
  readonly socket: WebSocket
  readonly messages: readonly string[]
  /** Resolves with the first message (already received or still to come) that passes `test`. */
  waitFor: (test: (message: string) => boolean) => Promise<string>
}

/** Opens a WebSocket (optionally with a subprotocol) and waits until it is open; closed when the test finishes. */
export async function connectWebSocket(url: string, protocol?: string): Promise<SocketClient> {
  const socket = protocol === undefined ? new WebSocket(url) : new WebSocket(url, protocol)
  onTestFinished(() => socket.terminate())
  const messages: string[] = []
  socket.on('message', (data) => messages.push(String(data)))
  await once(socket, 'open')
  return {
    socket,
    messages,
    waitFor: (test) =>
      new Promise((resolve, reject) => {
        const found = messages.find(test)
        if (found !== undefined) return resolve(found)
        const onMessage = (data: unknown): void => {
          if (!test(String(data))) return
          socket.off('close', onClose)
          socket.off('message', onMessage)
          resolve(String(data))
        }
        const onClose = (): void => {
          socket.off('message', onMessage)
          reject(new Error(`the socket closed first; messages: ${messages.join(' | ')}`))
        }
        socket.on('message', onMessage)
        socket.once('close', onClose)
      }),
  }
}
