import { INSPECTOR_BASE_PATH } from '../../inspector/paths.ts'
import type { InspectPlan } from '../types.ts'
import { checkHost } from './check-host.ts'
import type { PlanState, Step } from './plan-state.ts'

const INSPECT: InspectPlan = Object.freeze({ kind: 'inspect' })
const BARE = INSPECTOR_BASE_PATH.slice(0, -1)

/**
 * A request for `/__sameorigin` or below is the inspector's when it is on, before any route (a
 * catch-all route does not hide it), and only for a host the dev server answers for: the same host
 * check as the routes, against DNS rebinding. With the inspector off, the path is an ordinary one.
 */
export const matchInspector: Step = (state: PlanState) => {
  if (state.pipeline.inspector === undefined) return undefined
  const { url } = state.request
  const end = url.search(/[?#]/)
  const path = end === -1 ? url : url.slice(0, end)
  if (path !== BARE && !path.startsWith(INSPECTOR_BASE_PATH)) return undefined
  return checkHost(state) ?? INSPECT
}
