import { parseRequestBody } from '../../rewrite/parse-request-body.ts'
import { toUpstreamHeaders } from '../../rewrite/to-upstream-headers.ts'
import type { PlanState } from './plan-state.ts'

/**
 * Computes exactly the headers the upstream receives. The rewrite core decides every one of them
 * (hop-by-hop, Host, X-Forwarded-*, Origin/Referer, route headers, and the body's framing); no
 * transport adds any. A request the core refuses (TRACE, a GET or HEAD with a body, unreadable
 * framing) throws its `ProxyError` here, before anything is sent upstream. A route whose `headers` is
 * a function gets its call planned (`pendingHeaders`), made by `resolvePlanHeaders`: the steps stay
 * synchronous, and every other route's plan is complete here.
 */
export function buildUpstreamHeaders(state: PlanState): undefined {
  const { match, dev, request, upgrade } = state
  if (match === undefined || dev === undefined) throw new Error('buildUpstreamHeaders runs after checkHost')
  const { method, headers } = request
  const body = parseRequestBody(method, headers, { undeclared: request.undeclaredBody })
  state.body = body
  state.headers = toUpstreamHeaders(headers, {
    match,
    dev,
    clientAddress: request.clientAddress,
    upgrade,
    body,
    method,
    cors: state.pipeline.cors,
  })
  const compute = match.route.headersFunction
  if (compute !== undefined)
    state.pendingHeaders = { compute, request: { method, path: match.path, headers } }
  return undefined
}
