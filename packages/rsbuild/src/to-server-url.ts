import { isIPv6 } from 'node:net'

/** `server.host` values that mean "every interface": Rsbuild's local URL says `localhost` for them. */
const WILDCARD: ReadonlySet<string> = new Set([
  '',
  '0.0.0.0',
  '::',
  '0000:0000:0000:0000:0000:0000:0000:0000',
])

/**
 * The server's own local URL, as the first line of Rsbuild's URLs names it: `localhost` for a
 * wildcard `server.host`, else the host (an IPv6 address in brackets).
 * @example toServerUrl({ host: '127.0.0.1', port: 3000, https: false }) // 'http://127.0.0.1:3000/'
 */
export function toServerUrl(server: { host: string; port: number; https: boolean }): string {
  const { host, port } = server
  const name = WILDCARD.has(host) ? 'localhost' : isIPv6(host) ? `[${host}]` : host
  return `${server.https ? 'https' : 'http'}://${name}:${port}/`
}
