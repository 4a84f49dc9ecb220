import type { IncomingMessage } from 'node:http'

/**
 * The path of Storybook's server channel (a WebSocket on the dev server, `SERVER_CHANNEL_PATH` in
 * `storybook/internal/channels`); given to the engine as an HMR path, so no route ever captures it.
 */
export const SERVER_CHANNEL_PATH = '/storybook-server-channel'

/** The subprotocols of the Vite builder's client sockets (HMR and its reconnect probe). */
const VITE_PROTOCOLS: ReadonlySet<string> = new Set(['vite-hmr', 'vite-ping'])

/**
 * Whether an upgrade is the Vite builder's own socket, by its `Sec-WebSocket-Protocol`: Vite serves
 * HMR on Storybook's server at `/`, so its path alone cannot tell it from a route's WebSocket.
 * (The webpack builder's HMR is an EventSource, an ordinary request.)
 */
export function isViteClientUpgrade(req: IncomingMessage): boolean {
  const header = req.headers['sec-websocket-protocol']
  if (header === undefined) return false
  return header.split(',').some((protocol) => VITE_PROTOCOLS.has(protocol.trim()))
}
