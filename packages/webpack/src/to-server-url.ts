import type { Server as HttpServer } from 'node:http'
import { isIP } from 'node:net'
import { Server as TlsServer } from 'node:tls'
import { toLocalUrl } from '@sameorigin/core'

/**
 * The dev server's own local URL, as its "Loopback" line names it (`http://localhost:8080/`), from the
 * address it listens on: `localhost` when on every interface; the `host` option when it is a name
 * (`localhost`, `dev.test`; not the `local-ip` keywords); else the address it listens on. `https`
 * for a TLS server (`server: 'https'`, `'http2'`, `'spdy'`). `undefined` before it listens.
 * @example toServerUrl(server, '127.0.0.1') // 'http://127.0.0.1:8080/'
 */
export function toServerUrl(server: HttpServer, host: unknown): string | undefined {
  const address = server.address()
  if (address === null || typeof address === 'string') return undefined
  const https = server instanceof TlsServer
  // A host name the user gave (not an address, not the `local-ip` keywords) is how it prints it.
  const named = typeof host === 'string' && host !== '' && isIP(host) === 0 && !host.startsWith('local-ip')
  const listening = toLocalUrl({ https, host: address.address, port: address.port })
  if (!named || new URL(listening).hostname === 'localhost') return listening
  return toLocalUrl({ https, host, port: address.port })
}
