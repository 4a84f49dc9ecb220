import type { Server as HttpServer } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo, Server as NetServer, Socket } from 'node:net'

/** A server listening on 127.0.0.1 with a random port. */
export interface Listening {
  /** `http://127.0.0.1:<port>` (or `https://` for a TLS server). */
  readonly url: string
  readonly port: number
  /** Stops listening and destroys every open connection (keep-alive and upgraded ones included). */
  close: () => Promise<void>
}

/**
 * Starts `server` (HTTP, HTTPS, or a raw TCP server for misbehaving peers) on 127.0.0.1 port 0 and
 * returns its URL and a `close` that never hangs.
 */
export async function listen(server: HttpServer | HttpsServer | NetServer): Promise<Listening> {
  // Upgraded (WebSocket) sockets are invisible to `closeAllConnections`, so track every socket.
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `${isTls(server) ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}

function isTls(server: NetServer): boolean {
  // An https.Server is a tls.Server: it has `setSecureContext`, an http.Server does not.
  return typeof (server as { setSecureContext?: unknown }).setSecureContext === 'function'
}
