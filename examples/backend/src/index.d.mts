import type { Backend, BackendOptions } from './types.d.mts'

export type { Backend, BackendOptions } from './types.d.mts'

/**
 * Starts the demo backend: a server that behaves like a real staging API (domain-scoped `Secure`
 * cookies, absolute redirects, server-sent events, a websocket echo, an Origin check on unsafe
 * methods) and sends no CORS headers at all.
 */
export declare function startBackend(options?: BackendOptions): Promise<Backend>
