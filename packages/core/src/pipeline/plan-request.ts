import { isProxyError } from '../errors/proxy-error.ts'
import type { InspectPlan, Pipeline, PipelineRequest, RequestPlan } from './types.ts'
import { requestSteps, upgradeSteps } from './steps/index.ts'
import type { PlanState, Step } from './steps/plan-state.ts'

/**
 * Decides what happens to one request: left to the host, answered here, refused, or forwarded with
 * exactly these upstream headers. Pure: it reads `request` and the pipeline, and touches no socket.
 * An unexpected exception (a bug) is thrown for the transport to answer (`toInternalError`).
 * @example
 * const plan = planRequest(pipeline, { method: 'GET', url: '/api/me', headers, repeatedHost: false, encrypted: false, clientAddress: '127.0.0.1', undeclaredBody: false })
 * if (plan.kind === 'forward') send(plan.match.upstreamUrl, plan.headers)
 */
export function planRequest(pipeline: Pipeline, request: PipelineRequest): RequestPlan {
  return runSteps(requestSteps, { pipeline, request, upgrade: false })
}

/** As {@link planRequest}, for a WebSocket handshake (the upgrade steps). */
export function planUpgrade(pipeline: Pipeline, request: PipelineRequest): Exclude<RequestPlan, InspectPlan> {
  const plan = runSteps(upgradeSteps, { pipeline, request, upgrade: true })
  if (plan.kind === 'inspect') throw new Error('the upgrade steps never serve the inspector')
  return plan
}

function runSteps(steps: readonly Step[], state: PlanState): RequestPlan {
  for (const step of steps) {
    let outcome
    try {
      outcome = step(state)
    } catch (error) {
      if (!isProxyError(error)) throw error
      outcome = error
    }
    if (outcome === undefined) continue
    if (!isProxyError(outcome)) return outcome
    return { kind: 'refuse', error: outcome, match: state.match, corsOrigin: state.corsOrigin }
  }
  const { match, dev, body, headers, pendingHeaders } = state
  if (match === undefined || dev === undefined || body === undefined || headers === undefined)
    throw new Error('the steps ended without a route, an origin or upstream headers')
  return { kind: 'forward', match, dev, body, headers, corsOrigin: state.corsOrigin, pendingHeaders }
}
