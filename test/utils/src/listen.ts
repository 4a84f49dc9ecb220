import type { Server as HttpServer } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import { createServer as createNetServer } from 'node:net'
import type { AddressInfo, Server as NetServer, Socket } from 'node:net'

/** A server listening on 127.0.0.1 (or the given loopback address) with a random port. */
export interface Listening {
  /** `http://127.0.0.1:<port>` (or `https://` for a TLS server; `[::1]` when listening there). */
  readonly url: string
  readonly port: number
  /** Stops listening and destroys every open connection (keep-alive and upgraded ones included). */
  close: () => Promise<void>
}

/**
 * Starts `server` (HTTP, HTTPS, or a raw TCP server for misbehaving peers) on `host` (127.0.0.1, or
 * `::1` for a backend on the IPv6 loopback only) port 0 and returns its URL and a `close` that never hangs.
 */
export async function listen(
  server: HttpServer | HttpsServer | NetServer,
  host: '127.0.0.1' | '::1' = '127.0.0.1',
): Promise<Listening> {
  // Upgraded (WebSocket) sockets are invisible to `closeAllConnections`, so track every socket.
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ port: 0, host }, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `${isTls(server) ? 'https' : 'http'}://${host === '::1' ? '[::1]' : host}:${port}`,
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

/**
 * Whether this machine has an IPv6 loopback to listen on (`::1`): containers started without IPv6
 * have none. Tests of a backend on `::1` skip, with this as their reason, where it is missing.
 */
export async function hasIpv6Loopback(): Promise<boolean> {
  const server = createNetServer()
  return new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false))
    server.listen({ port: 0, host: '::1' }, () => server.close(() => resolve(true)))
  })
}

/**
 * A port nothing listens on, on either loopback address (both were bound, then released), for a
 * `localhost` target that must be refused on `127.0.0.1` and on `::1`.
 */
export async function findClosedLoopbackPort(): Promise<number> {
  const v4 = createNetServer()
  await new Promise<void>((resolve, reject) => {
    v4.once('error', reject)
    v4.listen({ port: 0, host: '127.0.0.1' }, resolve)
  })
  const { port } = v4.address() as AddressInfo
  const v6 = createNetServer()
  const onV6 = await new Promise<boolean>((resolve) => {
    v6.once('error', () => resolve(false))
    v6.listen({ port, host: '::1' }, () => resolve(true))
  })
  await Promise.all([
    new Promise((resolve) => v4.close(resolve)),
    onV6 ? new Promise((resolve) => v6.close(resolve)) : undefined,
  ])
  // Taken on ::1 by something else: try another.
  return onV6 || !(await hasIpv6Loopback()) ? port : findClosedLoopbackPort()
}

/**
 * A port nothing listens on, on 127.0.0.1, that stays that way while the test runs: picked from
 * 20000 to 29999, below the range the kernel hands out for port 0 (32768 and up by default), so no
 * other test's server can take it in the meantime. A port a stopped server gave back may be handed
 * to the next server at once, which then answers in place of a refused connection.
 */
export async function findRefusingPort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000)
    const server = createNetServer()
    const free = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => resolve(true))
    })
    if (free) {
      await new Promise((resolve) => server.close(resolve))
      return port
    }
  }
  throw new Error('no free port from 20000 to 29999')
}
