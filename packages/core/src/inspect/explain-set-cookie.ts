import { hasSecureCookiePrefix } from '../rewrite/has-secure-cookie-prefix.ts'
import { SECURE_COOKIE_MARKER } from '../rewrite/secure-cookie-marker.ts'
import { toShortValue } from './to-display-name.ts'

/** One attribute of a `Set-Cookie`: its lower-case name, value and text as written. */
interface CookieAttribute {
  readonly name: string
  readonly value: string
  readonly text: string
}

/**
 * The one-line explanations of what changed between one `Set-Cookie` as the upstream sent it and as
 * the browser got it, attribute by attribute, as `rewriteSetCookie` changes them (its reasons).
 * `devHost` names the dev server's host name (`localhost`). Empty when nothing changed.
 */
export function explainSetCookie(before: string, after: string, devHost: string): string[] {
  if (before === after) return []
  const from = parseSetCookie(before)
  const to = parseSetCookie(after)
  const lines: string[] = []
  const label = `Set-Cookie ${from.name === '' ? '(no name)' : from.name}`
  if (to.name === SECURE_COOKIE_MARKER + from.name && hasSecureCookiePrefix(from.name)) {
    const prefix = from.name.slice(0, from.name.indexOf('-', 2) + 1)
    lines.push(
      `${label} renamed ${to.name}: browsers refuse the ${prefix} prefix without Secure on plain http; the backend gets ${from.name} back`,
    )
  } else if (to.name !== from.name) lines.push(`${label} renamed ${to.name}`)
  for (const attribute of from.attributes) {
    const kept = to.attributes.find((item) => item.name === attribute.name)
    if (kept === undefined)
      lines.push(`${label}: ${toShortValue(attribute.text)} removed: ${why(attribute, devHost)}`)
    else if (kept.text !== attribute.text) lines.push(`${label}: ${describeChange(attribute, kept)}`)
  }
  for (const attribute of to.attributes) {
    if (!from.attributes.some((item) => item.name === attribute.name)) {
      lines.push(`${label}: ${toShortValue(attribute.text)} added`)
    }
  }
  if (lines.length === 0) lines.push(`${label} rewritten`)
  return lines
}

/** Why `rewriteSetCookie` drops an attribute. */
function why(attribute: CookieAttribute, devHost: string): string {
  switch (attribute.name) {
    case 'domain': {
      const domain = attribute.value.toLowerCase().replace(/^\./, '')
      // A Domain the dev host matches would be accepted; it goes all the same (host-only is narrower).
      return devHost === domain || devHost.endsWith(`.${domain}`)
        ? `the proxy keeps every cookie host-only, for ${devHost} alone (cookies)`
        : `the browser would reject it on ${devHost}; the cookie is kept for ${devHost} only (cookies)`
    }
    case 'secure':
      return 'the dev server is plain http, where Safari (even on localhost) and every browser on another host name ignore Secure cookies (cookies)'
    case 'partitioned':
      return 'it requires Secure, which plain http cannot keep (cookies)'
    default:
      return 'by the route'
  }
}

function describeChange(from: CookieAttribute, to: CookieAttribute): string {
  if (from.name === 'samesite' && from.value.toLowerCase() === 'none' && to.value.toLowerCase() === 'lax')
    return `${from.text} lowered to ${to.text}: browsers refuse SameSite=None without Secure (cookies)`
  if (from.name === 'path')
    return `${from.text} rewritten to ${to.value}: the dev path that forwards to it (cookies)`
  return `${toShortValue(from.text)} → ${toShortValue(to.text)}`
}

/** A `Set-Cookie` split as browsers split it (RFC 6265 §5.2): the name, then `;`-separated attributes. */
function parseSetCookie(value: string): { name: string; attributes: CookieAttribute[] } {
  const [pair = '', ...parts] = value.split(';')
  const eq = pair.indexOf('=')
  const name = eq === -1 ? '' : pair.slice(0, eq).trim()
  const attributes = parts
    .map((part) => {
      const cut = part.indexOf('=')
      const text = part.trim()
      const attributeName = (cut === -1 ? part : part.slice(0, cut)).trim().toLowerCase()
      return { name: attributeName, value: cut === -1 ? '' : part.slice(cut + 1).trim(), text }
    })
    .filter((attribute) => attribute.text !== '')
  return { name, attributes }
}
