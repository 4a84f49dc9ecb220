import type { AddressInfo, Socket } from 'node:net'
import { Server as TlsServer } from 'node:tls'
import type { ProxyHttpServer } from './create-proxy-server.ts'

/** Options for {@link listen}. */
export interface ListenOptions {
  /**
   * The port; `0` picks a free one.
   * @default 0
   */
  port?: number
  /**
   * The interface. Loopback only by default: a development proxy reachable from the LAN would hand
   * the backend's session to anyone on it. Use `0.0.0.0` (or `::`) on purpose, to test from a phone.
   * @default '127.0.0.1'
   */
  host?: string
}

/** A listening server. */
export interface ListeningServer {
  /** `http://host:port` (`https://` for a TLS server), ready to print or fetch (IPv6 hosts in brackets). */
  readonly url: string
  readonly host: string
  readonly port: number
  /** Stops listening, closes every connection (keep-alive and WebSocket ones too) and the engine. */
  readonly close: () => Promise<void>
}

/**
 * Starts `server` (from `createProxyServer`) on `host:port` and resolves once it listens; rejects
 * with the listen error (`EADDRINUSE`...).
 * @example const { url, close } = await listen(createProxyServer(resolved), { port: 5173 })
 */
export async function listen(server: ProxyHttpServer, options: ListenOptions = {}): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1'
  // Upgraded sockets leave the server's own bookkeeping, so `close` tracks every socket itself.
  const sockets = new Set<Socket>()
  const track = (socket: Socket): void => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  }
  server.on('connection', track)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const shown = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | undefined
  return {
    url: `${server instanceof TlsServer ? 'https' : 'http'}://${shown}:${port}`,
    host,
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
