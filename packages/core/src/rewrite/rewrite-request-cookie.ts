import { hasSecureCookiePrefix } from './has-secure-cookie-prefix.ts'
import { SECURE_COOKIE_MARKER } from './secure-cookie-marker.ts'

/**
 * Restores the names `rewriteSetCookie` marked in a request's `Cookie` header:
 * `sameorigin-__Host-sid=1; theme=dark` → `__Host-sid=1; theme=dark`. Only a marker followed by a
 * `__Secure-` / `__Host-` / `__Http-` prefix is taken off, so a backend's own `sameorigin-x` cookie
 * passes untouched. Pairs are split on `;` (RFC 6265 §4.2.1); everything else is kept byte for
 * byte, and a header without a marked name is returned as the same string.
 */
export function rewriteRequestCookie(cookie: string): string {
  if (!cookie.includes(SECURE_COOKIE_MARKER)) return cookie
  const pairs = cookie.split(';')
  let changed = false
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k] ?? ''
    const start = pair.length - pair.trimStart().length
    if (pair.startsWith(SECURE_COOKIE_MARKER, start)) {
      if (!hasSecureCookiePrefix(pair, start + SECURE_COOKIE_MARKER.length)) continue
      pairs[k] = pair.slice(0, start) + pair.slice(start + SECURE_COOKIE_MARKER.length)
      changed = true
    }
  }
  return changed ? pairs.join(';') : cookie
}
