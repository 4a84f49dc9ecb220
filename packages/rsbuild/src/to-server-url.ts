import { toLocalUrl } from '@sameorigin/core'

/**
 * The server's own local URL, as the first line of Rsbuild's URLs names it (`toLocalUrl`: `localhost`
 * for a wildcard `server.host`, else the host, an IPv6 address in brackets).
 * @example toServerUrl({ host: '127.0.0.1', port: 3000, https: false }) // 'http://127.0.0.1:3000/'
 */
export function toServerUrl(server: { host: string; port: number; https: boolean }): string {
  return toLocalUrl(server)
}
