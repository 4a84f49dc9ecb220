import type { ResolvedRoute } from '../types.ts'
import type { ProxyError } from './proxy-error.ts'
import { createError } from './proxy-error.ts'

/** The certificate chain does not end at a CA Node trusts (self-signed, private CA, missing chain). */
const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
])
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const OTHER_CERT = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_REVOKED', 'CERT_REJECTED', 'EPROTO'])

/** An `openssl` message that means the peer answered TLS with plain text (an HTTP server). */
const PLAINTEXT_PEER = /wrong version number|packet length too long|http request/i
/** Node's message when the peer hangs up during the handshake. */
const HANDSHAKE_HANGUP = /before secure TLS connection was established/i

/** Whether `code` / `message` come from TLS (certificate checks or the handshake). */
export function isTlsError(code: string, message: string): boolean {
  return (
    UNTRUSTED.has(code) ||
    EXPIRED.has(code) ||
    OTHER_CERT.has(code) ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    HANDSHAKE_HANGUP.test(message)
  )
}

/**
 * Explains a TLS failure with the switch that fixes it: `ca` for a certificate Node does not trust,
 * `http://` when the port speaks plain HTTP, `secure: false` as the last resort for a development
 * certificate. The message names Node's error code so it can be searched.
 */
export function describeTlsError(
  code: string,
  message: string,
  route: ResolvedRoute,
  details: Readonly<Record<string, string | number | undefined>>,
  cause: unknown,
): ProxyError {
  const { hostname, host } = route.target
  const what = `TLS with ${host} failed: ${code || 'TLS error'} (${message})`
  const plainHttp = `http://${host}${route.target.basePath}`
  let hint: string
  if (UNTRUSTED.has(code)) {
    hint = `The certificate of ${host} is not signed by a CA Node trusts. Give the route that CA: \`ca: readFileSync('ca.pem')\` (or set NODE_EXTRA_CA_CERTS), or, for a development certificate only, \`secure: false\`.`
  } else if (EXPIRED.has(code)) {
    hint = `The certificate of ${host} is outside its validity period. Renew it or check the clock; for a development certificate only, \`secure: false\`.`
  } else if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    hint = `The certificate does not name ${hostname}. Use a host name the certificate covers in the target, or, for a development certificate only, \`secure: false\`.`
  } else if (PLAINTEXT_PEER.test(message) || HANDSHAKE_HANGUP.test(message)) {
    hint = `${host} does not seem to speak TLS on this port. If it serves plain HTTP, use ${plainHttp} as the target.`
  } else {
    hint = `Check the TLS setup of ${host}. Give the route its CA (\`ca\`), or, for a development certificate only, \`secure: false\`.`
  }
  return createError('ERR_UPSTREAM_TLS_FAILED', { message: `${what}.`, hint, cause, details })
}
