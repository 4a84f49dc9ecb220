import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { Server } from 'node:net'

/**
 * Node's documented channel for a server that started listening (`net.Server#listen`, so every
 * `http`, `https` and `http2` server too); its message is `{ server }`.
 * https://nodejs.org/api/diagnostics_channel.html#net
 */
const LISTEN_CHANNEL = 'tracing:net.server.listen:asyncEnd'

/** The servers that started listening since {@link watchListeningServers}. */
export interface ListeningServers {
  /** The latest one still listening on `port` (Angular's port check listens on it first, then closes). */
  readonly find: (port: number) => Server | undefined
  /** Stops watching and forgets the servers. */
  readonly close: () => void
}

/**
 * Watches for servers that start listening in this process. Angular's dev server hands out neither
 * Vite's server nor its http server; its first output names the port, and the server listening on
 * it is the one whose `upgrade` events the routes' WebSockets arrive on.
 */
export function watchListeningServers(): ListeningServers {
  const servers: Server[] = []
  const onListen = (message: unknown): void => {
    const server = (message as { server?: unknown } | undefined)?.server
    if (server instanceof Server) servers.push(server)
  }
  subscribe(LISTEN_CHANNEL, onListen)
  return {
    find: (port) =>
      servers.findLast((server) => {
        const address = server.address()
        return server.listening && typeof address === 'object' && address?.port === port
      }),
    close: () => {
      unsubscribe(LISTEN_CHANNEL, onListen)
      servers.length = 0
    },
  }
}
