import type { ProxyError } from '../../errors/proxy-error.ts'
import type { PassPlan } from '../types.ts'
import { matchRoute } from './match-route.ts'
import type { PlanState } from './plan-state.ts'
import { PASS } from './plan-state.ts'

/**
 * Decides whether an upgrade is the proxy's. Left to the host: anything but a WebSocket handshake
 * (RFC 6455 §4.1: `GET` with `Upgrade: websocket`), the host's own HMR paths (even under a catch-all
 * route), unmatched paths and routes with `ws: false`. A path the rules refuse is answered 400, so it
 * can reach no upstream through the host either.
 */
export function matchUpgrade(state: PlanState): PassPlan | ProxyError | undefined {
  const { method, url, headers } = state.request
  const upgrade = headers.upgrade
  if (method !== 'GET' || typeof upgrade !== 'string' || upgrade.toLowerCase() !== 'websocket') return PASS
  const query = url.indexOf('?')
  if (state.pipeline.hmrPaths.has(query === -1 ? url : url.slice(0, query))) return PASS
  const outcome = matchRoute(state)
  if (outcome !== undefined) return outcome
  if (state.match?.route.ws === true) return undefined
  state.match = undefined
  return PASS
}
