import type { ProxyError } from '../../errors/proxy-error.ts'
import { createError } from '../../errors/proxy-error.ts'
import { toLogSafe } from '../../internal/to-log-safe.ts'
import { isCorsOriginAllowed, toPreflightHeaders } from '../../rewrite/cors.ts'
import type { AnswerPlan } from '../types.ts'
import type { PlanState } from './plan-state.ts'

/**
 * CORS mode (`cors` option, `sameorigin serve --allow-origin`), for pages that cannot be same-origin
 * with the proxy. A request without `Origin` (curl, a navigation) passes untouched. An origin not on
 * the list gets 403 and reaches no backend — requests and WebSocket upgrades alike, since a WebSocket
 * is not covered by CORS at all. A preflight from an allowed origin is answered here, never forwarded;
 * other requests remember the origin, and their answers (error answers too) get the CORS headers in
 * place of the upstream's.
 */
export function applyCors(state: PlanState): AnswerPlan | ProxyError | undefined {
  const policy = state.pipeline.cors
  const { headers, method } = state.request
  const origin = headers.origin
  if (policy === undefined || typeof origin !== 'string') return undefined
  if (!isCorsOriginAllowed(policy, origin)) {
    const shown = toLogSafe(origin)
    return createError('ERR_REQUEST_ORIGIN_NOT_ALLOWED', {
      message: `The origin ${shown} is not allowed to call this proxy.`,
      hint: `If the page at ${shown} should call it, allow it: --allow-origin ${shown} (createProxy: cors.origins).`,
      details: { route: state.match?.route.id, origin: shown },
    })
  }
  if (state.upgrade) return undefined
  state.corsOrigin = origin
  if (method !== 'OPTIONS' || headers['access-control-request-method'] === undefined) return undefined
  const answer = toPreflightHeaders(policy, origin, headers)
  answer['content-length'] = '0'
  return { kind: 'answer', status: 204, headers: answer }
}
