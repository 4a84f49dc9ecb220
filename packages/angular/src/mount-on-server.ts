import type { IncomingMessage } from 'node:http'
import type { Server } from 'node:net'
import type { Duplex } from 'node:stream'
import type { ProxyEngine } from '@sameorigin/core'
import { refuseConnectOn } from '@sameorigin/core'

/**
 * The subprotocols of Vite's own client sockets: HMR (`vite-hmr`) and the reconnect probe
 * (`vite-ping`). Angular's dev server is Vite's; these stay its own whatever path a route matches.
 */
const VITE_PROTOCOLS: ReadonlySet<string> = new Set(['vite-hmr', 'vite-ping'])

function isViteClientUpgrade(req: IncomingMessage): boolean {
  const header = req.headers['sec-websocket-protocol']
  if (header === undefined) return false
  return header.split(',').some((protocol) => VITE_PROTOCOLS.has(protocol.trim()))
}

/**
 * Puts the engine on the dev server's own socket: WebSocket upgrades on `ws` routes (never Vite's
 * HMR or ping sockets), and `CONNECT` answered 405 instead of the dropped socket Node leaves when
 * nobody listens (see core's `refuseConnectOn`).
 * @returns what takes both off the server again
 */
export function mountOnServer(server: Server, engine: Pick<ProxyEngine, 'upgrade'>): () => void {
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (!isViteClientUpgrade(req)) engine.upgrade(req, socket, head)
  }
  server.on('upgrade', onUpgrade)
  const stopRefusing = refuseConnectOn(server)
  return () => {
    server.off('upgrade', onUpgrade)
    stopRefusing()
  }
}
