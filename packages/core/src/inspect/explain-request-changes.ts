import { HOP_BY_HOP_HEADERS } from '../rewrite/hop-by-hop-headers.ts'
import { SECURE_COOKIE_MARKER } from '../rewrite/secure-cookie-marker.ts'
import type { ChangeRule } from './types.ts'
import { toDisplayName, toShortValue } from './to-display-name.ts'

/** What a request-side explanation needs besides the two values. */
export interface RequestChangeContext {
  /** The target's `host[:port]`, from the upstream URL. */
  readonly targetHost: string | undefined
  /** The options listed in the browser's `Connection` field (hop-by-hop too). */
  readonly connectionOptions: readonly string[]
  /** The upstream request is framed chunked (`Transfer-Encoding`). */
  readonly chunked: boolean
  /** A value as the explanation may show it (masked unless the session shows secrets). */
  readonly show: (value: string) => string
}

/** One change's rule and its explanation. */
export interface Explained {
  readonly rule: ChangeRule
  readonly explanation: string
}

const FORWARDED: Readonly<Record<string, string>> = {
  'x-forwarded-for': "the browser's address",
  'x-forwarded-proto': 'how the browser reached the dev server',
  'x-forwarded-host': 'the Host the browser sent',
  'x-forwarded-port': "the dev server's port",
}

/**
 * Why `toUpstreamHeaders` turned the browser's `before` into the upstream's `after` for header `name`
 * (either may be `undefined`: added or removed), following its steps: hop-by-hop, Host, xfwd,
 * rewriteOrigin, cookie names, the route's `headers`, framing.
 */
export function explainRequestChange(
  name: string,
  before: string | undefined,
  after: string | undefined,
  context: RequestChangeContext,
): Explained {
  const label = toDisplayName(name)
  const change = describe(label, before, after, context.show)
  if (name === 'content-length' || name === 'transfer-encoding') {
    return { rule: 'framing', explanation: `${change}: ${whyFraming(name, after, context.chunked)}` }
  }
  if (name === 'connection' && after?.toLowerCase() === 'close') {
    return { rule: 'framing', explanation: `${change}: a chunked body's connection is never reused` }
  }
  if (name === 'connection' && after?.toLowerCase() === 'upgrade') {
    return {
      rule: 'hop-by-hop',
      explanation: `${change}: kept for the upgrade handshake, as the upgrade pair only`,
    }
  }
  if (after === undefined && (HOP_BY_HOP_HEADERS.has(name) || context.connectionOptions.includes(name))) {
    const why =
      name === 'proxy-authorization'
        ? 'credentials for the proxy, never for the backend'
        : "hop-by-hop, it describes the browser's connection to the dev server, not the request"
    return { rule: 'hop-by-hop', explanation: `${change}: ${why}` }
  }
  if (name === 'host' && after !== undefined && after === context.targetHost) {
    return { rule: 'host', explanation: `${change}: set to the target's (changeOrigin)` }
  }
  if (name === 'host' && before === undefined && after !== undefined) {
    return { rule: 'host', explanation: `${change}: from the HTTP/2 :authority` }
  }
  const forwarded = FORWARDED[name]
  if (forwarded !== undefined) {
    const why =
      after === undefined
        ? "the browser's address is unknown; a client-sent value is never passed on (xfwd)"
        : `${forwarded}${before === undefined ? '' : ', replacing what the client sent'} (xfwd)`
    return { rule: 'forwarded', explanation: `${change}: ${why}` }
  }
  if (name === 'forwarded' && after === undefined) {
    return {
      rule: 'forwarded',
      explanation: `${change}: X-Forwarded-* tell the backend where the request came from; a client-sent Forwarded would be a second, forged story (xfwd)`,
    }
  }
  if ((name === 'origin' || name === 'referer') && before !== undefined && after !== undefined) {
    const why =
      name === 'origin'
        ? 'rewritten to the target, so an Origin check passes'
        : "put on the target's origin, its path kept"
    return { rule: 'origin', explanation: `${change}: ${why} (rewriteOrigin)` }
  }
  if (name === 'cookie' && before !== undefined && after !== undefined) {
    const restored = findRestoredNames(before, after)
    if (restored.length > 0) {
      const names = restored.map((cookie) => `${cookie} sent as ${cookie.slice(SECURE_COOKIE_MARKER.length)}`)
      return {
        rule: 'cookie-name',
        explanation: `Cookie ${names.join(', ')}: the name the backend set; the proxy marked it for plain http`,
      }
    }
  }
  const how = after === undefined ? "removed by the route's headers (null)" : "set by the route's headers"
  return { rule: 'route-headers', explanation: `${change}: ${how}` }
}

/** `Name: value added`, `Name removed` or `Name before → after`. */
export function describe(
  label: string,
  before: string | undefined,
  after: string | undefined,
  show: (value: string) => string,
): string {
  if (before === undefined) return `${label}: ${toShortValue(show(after ?? ''))} added`
  if (after === undefined) return `${label} removed`
  return `${label} ${toShortValue(show(before))} → ${toShortValue(show(after))}`
}

function whyFraming(name: string, after: string | undefined, chunked: boolean): string {
  if (name === 'transfer-encoding' && after !== undefined)
    return 'the body arrived without a declared length, so it goes chunked'
  if (name === 'transfer-encoding') return "hop-by-hop, the body's framing is set again from what arrived"
  if (after === '0') return 'a request without a body declares its length (GET and HEAD excepted)'
  if (after !== undefined) return 'the length of the body that arrived'
  return chunked ? 'the body goes chunked instead' : 'a GET or HEAD without a body declares no length'
}

/** Cookie names the proxy's marker was taken off (`sameorigin-__Host-sid` → `__Host-sid`). */
function findRestoredNames(before: string, after: string): string[] {
  const sent = new Set(toCookieNames(after))
  return toCookieNames(before).filter(
    (cookie) =>
      cookie.startsWith(SECURE_COOKIE_MARKER) && sent.has(cookie.slice(SECURE_COOKIE_MARKER.length)),
  )
}

/** The names of a `Cookie` field's pairs. */
function toCookieNames(cookie: string): string[] {
  return cookie.split(';').map((pair) => pair.split('=')[0]?.trim() ?? '')
}
