import type { ResolvedRoute } from '@sameorigin/core'
import { caddyToken } from './caddy-token.ts'

/** An IP address literal (no name to send in SNI). */
const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|.*:.*)$/

/**
 * The `transport http` block: `dial_timeout` (connectTimeout), `response_header_timeout` (timeout,
 * until the answer's headers; `0` leaves it out), and for an https target the name to verify, the
 * CA file written beside the Caddyfile (`ca`) or no verification (`secure: false`).
 */
export function toTransportBlock(route: ResolvedRoute, caFile: string | undefined): string[] {
  const lines = [`dial_timeout ${route.connectTimeout}ms`]
  if (route.timeout > 0) lines.push(`response_header_timeout ${route.timeout}ms`)
  if (route.target.protocol === 'https:') {
    if (!IP.test(route.target.hostname)) lines.push(`tls_server_name ${caddyToken(route.target.hostname)}`)
    if (!route.secure) lines.push('tls_insecure_skip_verify')
    else if (caFile !== undefined) lines.push(`tls_trusted_ca_certs ${caddyToken(caFile)}`)
  }
  return ['transport http {', ...lines.map((line) => `\t${line}`), '}']
}
