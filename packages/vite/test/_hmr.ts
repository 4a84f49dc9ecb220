import type { SocketClient } from '@sameorigin/test-utils'
import { connectWebSocket } from '@sameorigin/test-utils'
import type { Started } from './_vite.ts'

/** Whether a Vite HMR message has the given `type` (`connected`, `update`, `full-reload`). */
export function isHmrMessage(type: string): (message: string) => boolean {
  return (message) => (JSON.parse(message) as { type?: string }).type === type
}

/** Opens the HMR socket as `/@vite/client` does: the base path, the `vite-hmr` subprotocol and the server's token. */
export async function connectHmr(started: Started): Promise<SocketClient> {
  const token = encodeURIComponent(started.server.config.webSocketToken)
  const client = await connectWebSocket(`${started.url.replace('http:', 'ws:')}/?token=${token}`, 'vite-hmr')
  await client.waitFor(isHmrMessage('connected'))
  return client
}
