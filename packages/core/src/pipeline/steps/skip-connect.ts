import type { PlanState, Step } from './plan-state.ts'
import { PASS } from './plan-state.ts'

/**
 * `CONNECT` asks for a raw tunnel to a host the client names: forwarding it would make the dev server
 * an open proxy. Node delivers CONNECT to the server's `connect` event, not to request handlers, so this
 * is defence in depth for hosts that route it to their handlers anyway: it is left to the host.
 */
export const skipConnect: Step = (state: PlanState) => (state.request.method === 'CONNECT' ? PASS : undefined)
