import type { ReadonlyHeaderRecord } from '../rewrite/types.ts'
import { toHeaderRecord } from './to-header-record.ts'
import { toWebHeaders } from './to-web-headers.ts'
import type { UpstreamClient } from './types.ts'

/**
 * Fields `fetch` decides itself: the runtime sets `Host` from the URL and frames the body
 * (`Content-Length` or chunked), and refuses or ignores connection-level fields.
 */
const RUNTIME_FIELDS: ReadonlySet<string> = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
])

/**
 * The client over the runtime's `fetch` (workerd, Deno, Bun, browsers' service workers, Node's
 * undici): `fetch(url, { method, headers, body, redirect: 'manual', signal, duplex: 'half' })`.
 *
 * What it cannot do, because `fetch` does not let it:
 * - `Host` is the runtime's (the target URL's host), so `changeOrigin: false` routes still reach the
 *   upstream with the target's host; the framing fields are the runtime's too;
 * - the runtime may decompress the answer (workerd and undici decode `Content-Encoding` while keeping
 *   the header), so the browser may get a decoded body under the upstream's `Content-Encoding`;
 * - no connect clock: the connection is not visible, so `connected()` is called at once and only
 *   `timeout` applies (from the start of the request), never `connectTimeout`;
 * - no forward-proxy variables, no per-route `ca`, and `secure: false` is not honoured: TLS is the
 *   runtime's, verified against its roots;
 * - `close()` has no pool to destroy: it is a no-op (the proxy aborts what is in flight).
 * @default fetchImpl globalThis.fetch
 * @example createFetchProxy(config, { client: createRuntimeClient(fetch) })
 */
export function createRuntimeClient(fetchImpl: typeof fetch = globalThis.fetch): UpstreamClient {
  return {
    request: async (exchange) => {
      exchange.connected()
      const init: RequestInit & { duplex?: 'half' } = {
        method: exchange.method,
        headers: toRequestHeaders(exchange.headers),
        body: exchange.body,
        redirect: 'manual',
        signal: exchange.signal,
      }
      if (exchange.body !== null) init.duplex = 'half'
      let response
      try {
        response = await fetchImpl(exchange.url, init)
      } catch (error) {
        throw toSocketError(error)
      }
      return {
        status: response.status,
        statusText: response.statusText,
        headers: toHeaderRecord(response.headers),
        body: response.body,
      }
    },
    close: async () => {},
  }
}

/**
 * undici rejects with `TypeError('fetch failed')` whose `cause` is the socket's error (`ECONNREFUSED`
 * …): that cause is what `describeUpstreamError` reads. Other runtimes' errors pass as they are.
 */
function toSocketError(error: unknown): unknown {
  const cause = error instanceof TypeError ? (error.cause as { code?: unknown } | undefined) : undefined
  return typeof cause?.code === 'string' ? cause : error
}

function toRequestHeaders(record: ReadonlyHeaderRecord): Headers {
  return toWebHeaders(record, RUNTIME_FIELDS)
}
