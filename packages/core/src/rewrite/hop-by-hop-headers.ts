/**
 * Header fields that describe one connection, not the message, so a proxy must not forward them
 * (RFC 9110 §7.6.1). Lower-case. Names listed in a message's own `Connection` field are hop-by-hop
 * too; `stripHopByHop` removes those as well. HTTP/2 pseudo-headers (`:path`, `:authority`...) are
 * handled apart, by their leading colon.
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  // RFC 9110 §7.6.1: the connection options themselves.
  'connection',
  // RFC 9112 Appendix C.2.2 (HTTP/1.0 keep-alive), and the non-standard variant some clients send.
  'keep-alive',
  'proxy-connection',
  // RFC 9110 §11.7.1 / §11.7.2: credentials for the proxy, never for the next hop.
  'proxy-authenticate',
  'proxy-authorization',
  // RFC 9110 §10.1.4: TE is a hop-by-hop field and must be listed in Connection by its sender.
  'te',
  // RFC 9110 §6.6.2: the trailer announcement belongs to this hop's framing.
  'trailer',
  // RFC 9112 §6.1: framing of this connection. Dropped here, then set from the body's real framing
  // (`toUpstreamHeaders` step 7, `toClientHeaders`): Node frames an outgoing message only by the
  // fields it is given, and writes an unannounced GET, HEAD, DELETE, OPTIONS or TRACE body raw.
  'transfer-encoding',
  // RFC 9110 §7.8: protocol switch of this connection (kept only for an upgrade, see stripHopByHop).
  'upgrade',
  // RFC 7540 §3.2.1: the h2c upgrade's settings, connection-specific by definition.
  'http2-settings',
])
