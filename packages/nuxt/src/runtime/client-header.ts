/**
 * The request header Nuxt's dev server (the main process) sets on every request before Nitro's
 * worker gets it: what Nitro's own forwarding hides from the worker (the client's address, TLS,
 * which `X-Forwarded-*` headers the client itself sent, an absolute-form request target). Set afresh on every request, so a client
 * cannot choose it; read, and removed, by the server plugin in development only.
 */
export const CLIENT_HEADER = 'x-sameorigin-client'

/** The `X-Forwarded-*` headers Nitro's dev server adds on its way to the worker when the client sent none. */
export const NITRO_FORWARDED: readonly string[] = ['x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto']

/**
 * The headers Nuxt's CLI stamps on every request it serves (`x-nuxt-dev-request-id`, `-label`: its
 * dev UI's request tracing, overwriting any client copy): the CLI's, not the client's, so not forwarded.
 */
export const NUXT_DEV_HEADERS: readonly string[] = ['x-nuxt-dev-request-id', 'x-nuxt-dev-request-label']

/** What {@link CLIENT_HEADER} carries (as JSON). */
export interface ClientRecord {
  /** The client's address, as the dev server's socket saw it. */
  readonly address?: string | undefined
  /** The client's connection is TLS (`https` dev server). */
  readonly tls: boolean
  /** Which of {@link NITRO_FORWARDED} the client sent itself: the others are Nitro's. */
  readonly forwarded: readonly string[]
  /**
   * The request target, when it is not in origin form (`GET http://host/x HTTP/1.1`): Nitro's
   * forwarding makes it a path (`/http://host/x`).
   */
  readonly target?: string | undefined
}

/** Reads {@link CLIENT_HEADER}; `undefined` when absent or not one of ours. */
export function parseClientRecord(value: string | string[] | undefined): ClientRecord | undefined {
  if (typeof value !== 'string') return undefined
  try {
    const record = JSON.parse(value) as Partial<ClientRecord>
    if (typeof record.tls !== 'boolean' || !Array.isArray(record.forwarded)) return undefined
    return {
      address: typeof record.address === 'string' ? record.address : undefined,
      tls: record.tls,
      forwarded: record.forwarded.filter((name): name is string => typeof name === 'string'),
      target: typeof record.target === 'string' ? record.target : undefined,
    }
  } catch {
    return undefined
  }
}
