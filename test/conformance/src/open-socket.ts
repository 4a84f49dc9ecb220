import { once } from 'node:events'
import type { ClientOptions } from 'ws'
import { WebSocket } from 'ws'
import { onTestFinished } from 'vitest'

/** Opens a websocket client and waits for the handshake to finish; terminated when the test ends. */
export async function openSocket(
  url: string,
  protocols?: string | string[],
  options?: ClientOptions,
): Promise<WebSocket> {
  const socket = new WebSocket(url, protocols, options)
  onTestFinished(() => socket.terminate())
  await once(socket, 'open')
  return socket
}
