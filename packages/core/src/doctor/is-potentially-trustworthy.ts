import { isIP } from 'node:net'

/**
 * True when `url` is a potentially trustworthy URL for the browser: `https:`/`wss:`, or a loopback
 * host (`localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`). A page on such an origin is a secure
 * context, and an https page may call such a URL without it being mixed content.
 * @see https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
 */
export function isPotentiallyTrustworthy(url: URL): boolean {
  if (url.protocol === 'https:' || url.protocol === 'wss:') return true
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  return host === '::1'
}
