import { isIP } from 'node:net'

/** Where `sameorigin serve` listens unless told otherwise. */
export const DEFAULT_SERVE_PORT = 5180

/** Where pages should call `sameorigin serve`, and which allowed pages could not keep its cookies. */
export interface ServeAddress {
  /** `http://<host>:<port>`: on the same host as the allowed pages whenever the proxy listens there. */
  readonly url: string
  /**
   * Allowed origins on another site than {@link url}: a cookie the proxy sets is a third-party cookie
   * for them, which Chromium, Safari and Firefox block (SameSite=None; Secure included, tried in
   * Chromium: only the same site keeps it).
   */
  readonly otherSites: readonly string[]
}

/** Whether `host` (no brackets) is a loopback address or name. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'))
}

/**
 * Whether a page calling `hostname` reaches a server listening on `listenHost`: `localhost` and
 * `*.localhost` (browsers resolve both to loopback, trying IPv6 and IPv4) reach any loopback listener,
 * an IP only itself, and anything reaches a wildcard listener.
 */
function reaches(hostname: string, listenHost: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '')
  if (listenHost === '0.0.0.0' || listenHost === '::') return true
  if (!isLoopback(listenHost)) return bare === listenHost
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === listenHost
}

/** The host part of an http(s) origin, or `undefined` for `*` and anything unparsable. */
function hostOf(origin: string): { protocol: string; hostname: string } | undefined {
  try {
    const url = new URL(origin)
    return { protocol: url.protocol, hostname: url.hostname }
  } catch {
    return undefined
  }
}

/**
 * The address `sameorigin serve` prints and `doctor` advises, for a proxy listening on `listenHost`.
 * `localhost` and `127.0.0.1` reach the same loopback server but are different sites, and a page's
 * login cookie only survives a same-site call: so the address uses the host of the first allowed
 * page whose host reaches the listener (`http://localhost:3000` → `http://localhost:5180`). Pages
 * left on another site are listed, for a warning.
 * @example toServeAddress('127.0.0.1', 5180, ['http://localhost:3000'])
 * // → { url: 'http://localhost:5180', otherSites: [] }
 */
export function toServeAddress(listenHost: string, port: number, origins: readonly string[]): ServeAddress {
  const pages = origins.flatMap((origin) => {
    const host = hostOf(origin)
    return host === undefined ? [] : [{ origin, ...host }]
  })
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::'
  const fallback = wildcard ? '127.0.0.1' : listenHost.includes(':') ? `[${listenHost}]` : listenHost
  const chosen = pages.find((page) => reaches(page.hostname, listenHost))?.hostname ?? fallback
  return {
    url: `http://${chosen}:${port}`,
    otherSites: pages
      .filter((page) => page.protocol !== 'http:' || page.hostname !== chosen)
      .map((page) => page.origin),
  }
}
