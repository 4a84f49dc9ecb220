import type { BlockedCall } from './types.ts'

/**
 * One key per shape of a blocked call, for printing each once: the kind, method, credentials mode,
 * the page's origin, the URL without its query (so a cache-busting parameter is the same call), and
 * the header names with Content-Type's value, sorted.
 */
export function toBlockedCallKey(call: BlockedCall): string {
  const url = new URL(call.url)
  url.search = ''
  const headers = call.headers
    .map((header) => (typeof header === 'string' ? header : header.join(': ')))
    .toSorted()
  return JSON.stringify([call.kind, call.method, call.credentials, call.pageOrigin, url.href, headers])
}
