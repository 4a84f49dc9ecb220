import type { PipelineRequest } from '../pipeline/types.ts'
import type { FetchRequestInfo } from './types.ts'
import { toHeaderRecord } from './to-header-record.ts'

/**
 * A Web `Request` as the pipeline reads it. `Headers` joins repeated fields, so `repeatedHost` is
 * `false` and a joined `Host: a, b` is refused by the host check instead. Any body the `Request`
 * carries is undeclared (a Web body has no framing of its own); `undeclared: false` when a peek
 * found it empty. Without a `host` header, the URL's host stands in.
 * @example planRequest(pipeline, toPipelineRequest(request, { clientAddress: '127.0.0.1' }))
 */
export function toPipelineRequest(
  request: Request,
  info: FetchRequestInfo = {},
  undeclared: boolean = request.body !== null,
): PipelineRequest {
  const url = new URL(request.url)
  const headers = toHeaderRecord(request.headers)
  return {
    method: request.method,
    url: url.pathname + url.search,
    // A `Request` made in code (a test, a Worker's own subrequest) may carry no `Host`; its URL, which
    // hosts build from the `Host` they received, names the same origin.
    headers: headers.host === undefined ? { ...headers, host: url.host } : headers,
    repeatedHost: false,
    encrypted: url.protocol === 'https:',
    clientAddress: info.clientAddress,
    undeclaredBody: undeclared,
  }
}
