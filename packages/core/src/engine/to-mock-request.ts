import type { MockRequest } from '../pipeline/mock/find-mock.ts'
import type { ForwardPlan } from '../pipeline/types.ts'
import { toWebBody } from '../fetch/node/to-web-body.ts'
import type { RequestContext } from './context.ts'

/** Methods a Web `Request` cannot carry a body for. */
const BODYLESS = new Set(['GET', 'HEAD'])

/**
 * The request as a mock reads it: the route's normalised path and the query, the browser's headers,
 * and, for a handler, a Web `Request` on the dev origin. With `withBody` (`'always'` mode) that
 * `Request` reads the browser's body as the handler consumes it; in `'fallback'` mode the body went
 * to the backend, so it has none.
 */
export function toMockRequest(
  ctx: RequestContext,
  plan: ForwardPlan,
  withBody: boolean,
): MockRequest & { readonly release: () => void } {
  const { req } = ctx
  const method = req.method ?? 'GET'
  const { match, dev } = plan
  let body: ReadableStream<Uint8Array> | null = null
  return {
    // The handler's body stream, if it left it unread: cancelled, so the rest is drained, not queued.
    release: () => {
      if (body !== null && !body.locked) body.cancel().catch(() => {})
    },
    method,
    path: match.path,
    search: match.search,
    headers: req.headers,
    toRequest: () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        // HTTP/2 pseudo-headers are the request line, already in the URL and method.
        if (name.startsWith(':') || value === undefined) continue
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
      }
      const hasBody = withBody && !BODYLESS.has(method) && !req.complete
      // An unread body is drained (not cut) once the answer is out: the connection stays usable.
      body = hasBody ? toWebBody(req, () => req.resume()) : null
      return new Request(`${dev.origin}${match.path}${match.search}`, {
        method,
        headers,
        body,
        ...(body === null ? {} : { duplex: 'half' }),
      } as RequestInit)
    },
  }
}
