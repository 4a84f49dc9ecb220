import { isIP } from 'node:net'

/** Addresses that mean "every interface": dev servers print `localhost` for them. */
const WILDCARD: ReadonlySet<string> = new Set([
  '',
  '0.0.0.0',
  '::',
  '0:0:0:0:0:0:0:0',
  '0000:0000:0000:0000:0000:0000:0000:0000',
])

/**
 * A dev server's own local URL, as the dev servers print it: `localhost` for an address that means
 * every interface, an IPv6 address in brackets, any other host as it is.
 * @example toLocalUrl({ https: false, host: '::', port: 3000 }) // 'http://localhost:3000/'
 */
export function toLocalUrl(server: {
  readonly https: boolean
  readonly host: string
  readonly port: number
}): string {
  const { host, port } = server
  const name = WILDCARD.has(host) ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host
  return `${server.https ? 'https' : 'http'}://${name}:${port}/`
}
