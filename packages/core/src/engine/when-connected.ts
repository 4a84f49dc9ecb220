import type { Socket } from 'node:net'
import type { TLSSocket } from 'node:tls'

/**
 * Calls `connected` once `socket` can carry the request: a TLS socket once its handshake finished
 * (`getFinished()` is then defined), a plain one once connected; a pooled keep-alive socket already is.
 * It stops an upstream exchange's connect clock (`UpstreamTimer.connected`).
 */
export function whenConnected(socket: Socket, connected: () => void): void {
  const tls = typeof (socket as TLSSocket).getFinished === 'function' ? (socket as TLSSocket) : undefined
  if (tls !== undefined && tls.getFinished() === undefined) tls.once('secureConnect', connected)
  else if (socket.connecting) socket.once('connect', connected)
  else connected()
}
