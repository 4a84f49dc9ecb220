import type { IncomingMessage } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { EventHandler } from 'h3'
import { defineEventHandler } from 'h3'
import type { ClientRecord } from './runtime/client-header.ts'
import { CLIENT_HEADER, NITRO_FORWARDED } from './runtime/client-header.ts'

/** What the dev server's socket knows about the client of `req`, and which forwarding headers it sent. */
export function toClientRecord(req: IncomingMessage): ClientRecord {
  return {
    address: req.socket.remoteAddress,
    tls: (req.socket as Partial<TLSSocket>).encrypted === true,
    forwarded: NITRO_FORWARDED.filter((name) => req.headers[name] !== undefined),
    target: req.url?.startsWith('/') === false ? req.url : undefined,
  }
}

/**
 * A dev server handler (Nuxt's `addDevServerHandler`, run in the dev server's own process before
 * Nitro forwards the request to its worker): records the client as the socket saw it in
 * {@link CLIENT_HEADER}, replacing any value the client sent. Nitro's forwarding keeps a client's
 * `X-Forwarded-*` and adds its own where there were none, so the worker could not otherwise tell the
 * client's address and protocol from what a client claims.
 */
export const recordClient: EventHandler<never, undefined> = defineEventHandler((event) => {
  const { req } = event.node
  req.headers[CLIENT_HEADER] = JSON.stringify(toClientRecord(req))
  return undefined
})
