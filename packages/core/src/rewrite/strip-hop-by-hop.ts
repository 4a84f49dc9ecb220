import { HOP_BY_HOP_HEADERS } from './hop-by-hop-headers.ts'
import type { HeaderRecord, ReadonlyHeaderRecord } from './types.ts'

/** Options for {@link stripHopByHop}. */
export interface StripHopByHopOptions {
  /**
   * Keep `Upgrade` and send `Connection: upgrade`, for a WebSocket handshake request or its `101`
   * answer. Only honoured when the message really asks for an upgrade: an `Upgrade` field and the
   * `upgrade` connection option (RFC 9110 §7.8).
   * @default false
   */
  readonly keepUpgrade?: boolean
}

const COLON = 58

/**
 * Copies `headers` without hop-by-hop fields: {@link HOP_BY_HOP_HEADERS}, every name listed in
 * `Connection` (RFC 9110 §7.6.1), and HTTP/2 pseudo-headers. Arrays are copied; `undefined` values
 * dropped. When `Transfer-Encoding` was present, `Content-Length` is dropped too: the two together are
 * a smuggling attempt, and an intermediary must remove `Content-Length` before forwarding
 * (RFC 9112 §6.3 item 3), since without `Transfer-Encoding` it would now define the framing.
 * @example stripHopByHop({ connection: 'keep-alive, x-trace', 'x-trace': '1', accept: '*\/*' })
 * // → { accept: '*\/*' }
 */
export function stripHopByHop(headers: ReadonlyHeaderRecord, options?: StripHopByHopOptions): HeaderRecord {
  const listed = connectionOptions(headers.connection)
  const upgrade =
    options?.keepUpgrade === true && headers.upgrade !== undefined && listed?.includes('upgrade') === true
  const out: HeaderRecord = Object.create(null)
  for (const name of Object.keys(headers)) {
    const value = headers[name]
    if (value === undefined) continue
    if (name.charCodeAt(0) === COLON || HOP_BY_HOP_HEADERS.has(name)) continue
    if (listed !== undefined && listed.includes(name)) continue
    out[name] = typeof value === 'string' ? value : [...value]
  }
  if (upgrade) {
    const value = headers.upgrade
    if (value !== undefined) out.upgrade = typeof value === 'string' ? value : value.join(', ')
    out.connection = 'upgrade'
  }
  if (headers['transfer-encoding'] !== undefined) delete out['content-length']
  return out
}

/** The lower-cased options of a `Connection` field (a comma-separated token list, RFC 9110 §7.6.1). */
function connectionOptions(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined
  const joined = typeof value === 'string' ? value : value.join(',')
  const options: string[] = []
  for (const part of joined.split(',')) {
    const option = part.trim().toLowerCase()
    if (option !== '') options.push(option)
  }
  return options
}
