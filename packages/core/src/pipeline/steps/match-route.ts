import { isProxyError } from '../../errors/proxy-error.ts'
import type { ProxyError } from '../../errors/proxy-error.ts'
import { matchRequest } from '../../rules/match-request.ts'
import type { PassPlan } from '../types.ts'
import type { PlanState } from './plan-state.ts'
import { PASS } from './plan-state.ts'

/**
 * Finds the route. No route: the request is the host's, untouched. A path the rules refuse
 * (`ERR_REQUEST_PATH_UNSAFE`): 400, and nothing reaches any upstream. The request's own target
 * (absolute-form included) and `Host` only ever select a route, never a host to connect to.
 */
export function matchRoute(state: PlanState): PassPlan | ProxyError | undefined {
  const { request } = state
  try {
    state.match = matchRequest(state.pipeline.config, request)
  } catch (error) {
    if (isProxyError(error)) return error
    throw error
  }
  return state.match === undefined ? PASS : undefined
}
