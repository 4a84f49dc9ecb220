const UNDERSCORE = 95
// `__Host-Http-` starts with `__host-`, so three prefixes cover the four the drafts define.
const PREFIXES = ['__secure-', '__host-', '__http-'] as const

/**
 * Whether `name` (from `offset`) begins with a prefix that browsers only accept on a `Secure` cookie:
 * `__Secure-`, `__Host-` (RFC 6265bis "Cookie Name Prefixes") or `__Http-` / `__Host-Http-`
 * (draft-ietf-httpbis-layered-cookies). Case-insensitive, as browsers match them since
 * httpwg/http-extensions#2231 (some servers treat cookie names case-insensitively).
 */
export function hasSecureCookiePrefix(name: string, offset = 0): boolean {
  // Almost no cookie name starts with `__`: two char codes decide without allocating.
  if (name.charCodeAt(offset) !== UNDERSCORE || name.charCodeAt(offset + 1) !== UNDERSCORE) return false
  const head = name.slice(offset, offset + 9).toLowerCase()
  for (const prefix of PREFIXES) if (head.startsWith(prefix)) return true
  return false
}
