import type { DevOrigin, ReadonlyHeaderRecord } from './types.ts'

// RFC 9110 §7.2 / RFC 3986 §3.2.2: `Host = uri-host [ ":" port ]`. Accepted: an IP-literal in brackets,
// or a reg-name / IPv4 made of unreserved characters. Sub-delims and percent-escapes are legal in a
// reg-name but never sent by a browser, and this value goes into X-Forwarded-Host and is compared with
// Origin, so anything unusual is refused rather than interpreted. Compiled once.
const HOST_PATTERN = /^(\[[0-9a-f:.]+\]|[a-z0-9._~-]+)(?::(\d{1,5}))?$/
const OPEN_BRACKET = 91
const DOT = 46

/**
 * The origin the browser used to reach the dev server: the `Host` header (`:authority` over HTTP/2)
 * and whether the socket is TLS. Never from `X-Forwarded-*` or `Forwarded`, which any client can send.
 *
 * Returns `undefined` when the host is missing, repeated or malformed; the caller answers 400, as
 * RFC 9112 §3.2 requires for such a request.
 * @param encrypted whether the connection to the dev server is TLS (`socket.encrypted` in Node).
 * @example toDevOrigin({ host: 'localhost:5173' }, false)
 * // → { protocol: 'http:', host: 'localhost:5173', hostname: 'localhost', port: 5173, origin: 'http://localhost:5173' }
 */
export function toDevOrigin(headers: ReadonlyHeaderRecord, encrypted: boolean): DevOrigin | undefined {
  const raw = headers.host ?? headers[':authority']
  if (typeof raw !== 'string') return undefined
  const host = raw.trim().toLowerCase()
  const parts = HOST_PATTERN.exec(host)
  if (parts === null) return undefined
  const hostname = parts[1] ?? ''
  if (!isCanonicalHost(hostname)) return undefined
  const protocol = encrypted ? 'https:' : 'http:'
  const defaultPort = encrypted ? 443 : 80
  const port = parts[2] === undefined ? defaultPort : Number(parts[2])
  if (port > 65_535) return undefined
  // Browsers omit the scheme's default port when they serialise an origin (HTML Standard,
  // "ASCII serialization of an origin"), so `Origin` can be compared with this string as is.
  const origin = port === defaultPort ? `${protocol}//${hostname}` : `${protocol}//${hostname}:${port}`
  return { protocol, host, hostname, port, origin }
}

/**
 * Whether browsers would write this host the same way. Names are, once the pattern accepts them;
 * IP literals are not always: the URL Standard reads a host whose last label is numeric as IPv4
 * (`0x7f.1` is `127.0.0.1`, `1.2.3` is `1.2.0.3`, `foo.123` is invalid), compresses IPv6 and checks
 * punycode (`xn--`), so those few go through the URL parser and must come back unchanged.
 */
function isCanonicalHost(hostname: string): boolean {
  const end = hostname.charCodeAt(hostname.length - 1) === DOT ? hostname.length - 1 : hostname.length
  const last = hostname.lastIndexOf('.', end - 1) + 1
  const first = hostname.charCodeAt(last)
  const numeric = first >= 48 && first <= 57
  if (hostname.charCodeAt(0) !== OPEN_BRACKET && !numeric && !hostname.includes('xn--')) return true
  try {
    return new URL(`http://${hostname}`).hostname === hostname
  } catch {
    return false
  }
}
