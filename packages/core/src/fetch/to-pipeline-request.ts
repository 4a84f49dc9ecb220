import type { PipelineRequest } from '../pipeline/types.ts'
import type { FetchRequestInfo } from './types.ts'
import { toHeaderRecord } from './to-header-record.ts'

/** `scheme://authority` at the start of an absolute URL, and the target after it. */
const ORIGIN = /^([a-z][\d+.a-z-]*:)\/\/([^/?#]*)/i

/**
 * A Web `Request` as the pipeline reads it. `Headers` joins repeated fields, so `repeatedHost` is
 * `false` and a joined `Host: a, b` is refused by the host check instead. Any body the `Request`
 * carries is undeclared (a Web body has no framing of its own); `undeclared: false` when a peek
 * found it empty. Without a `host` header, the URL's host stands in.
 *
 * The URL is read as a string, not parsed: a host may build it from the raw `Host` (srvx does), so
 * `Host: localhost:99999` gives a URL `new URL` refuses, and the host check must refuse it with 400
 * as on the Node transport. A fragment is kept in the target, so the path rules refuse it as they do
 * a raw `#` in a request line.
 * @example planRequest(pipeline, toPipelineRequest(request, { clientAddress: '127.0.0.1' }))
 */
export function toPipelineRequest(
  request: Request,
  info: FetchRequestInfo = {},
  undeclared: boolean = request.body !== null,
): PipelineRequest {
  const origin = ORIGIN.exec(request.url)
  const scheme = origin?.[1] ?? ''
  const authority = origin?.[2]
  const target = request.url.slice(origin?.[0].length ?? 0)
  const headers = toHeaderRecord(request.headers)
  return {
    method: request.method,
    url: target === '' ? '/' : target,
    // A `Request` made in code (a test, a Worker's own subrequest) may carry no `Host`; its URL, which
    // hosts build from the `Host` they received, names the same origin.
    headers:
      headers.host === undefined && authority !== undefined ? { ...headers, host: authority } : headers,
    repeatedHost: false,
    encrypted: scheme.toLowerCase() === 'https:',
    clientAddress: info.clientAddress,
    undeclaredBody: undeclared,
  }
}
