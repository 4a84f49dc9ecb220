/**
 * The two loopback addresses, IPv4 first: the address most backends bind (`127.0.0.1`, or `0.0.0.0`,
 * which covers it) is tried first, and a refused loopback connection fails at once, so a backend on
 * `::1` only costs one refused attempt, once per target (the engine remembers which one answered).
 */
export const LOOPBACK_ADDRESSES: readonly ['127.0.0.1', '::1'] = Object.freeze(['127.0.0.1', '::1'] as const)

/**
 * The addresses a connection to `hostname` tries, both loopback addresses for `localhost` and
 * `*.localhost` (RFC 6761: always loopback, whatever `/etc/hosts` says), or `undefined` for any other
 * host, which is resolved as usual. Node resolves `localhost` to `::1` first on many machines while
 * backends listen on `127.0.0.1` only (or the other way round); trying both makes
 * `http://localhost:PORT` reach the backend on either. `hostname` is a WHATWG URL's (lower case; an
 * IPv6 address in brackets), so IP addresses never match.
 * @example toLoopbackAddresses('api.localhost') // ['127.0.0.1', '::1']
 * @example toLoopbackAddresses('127.0.0.1') // undefined
 */
export function toLoopbackAddresses(hostname: string): readonly ['127.0.0.1', '::1'] | undefined {
  return isLocalhostName(hostname) ? LOOPBACK_ADDRESSES : undefined
}

/** `localhost` or a subdomain of it, with or without the root's trailing dot. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname
  return name === 'localhost' || name.endsWith('.localhost')
}
