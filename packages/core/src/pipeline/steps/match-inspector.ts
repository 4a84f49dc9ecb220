import { isProxyError } from '../../errors/proxy-error.ts'
import { INSPECTOR_BASE_PATH } from '../../inspector/paths.ts'
import { normalizePath } from '../../rules/normalize-path.ts'
import { parseRequestTarget } from '../../rules/parse-request-target.ts'
import type { InspectPlan } from '../types.ts'
import { checkHost } from './check-host.ts'
import type { PlanState, Step } from './plan-state.ts'

const BARE = INSPECTOR_BASE_PATH.slice(0, -1)

/**
 * A request for `/__sameorigin` or below is the inspector's when it is on, before any route (a
 * catch-all route does not hide it), and only for a host the dev server answers for: the same host
 * check as the routes, against DNS rebinding. The path is read as the routes read it (absolute-form
 * gives its path; dot segments are resolved, as a Fetch host's URL already has them), so
 * `/__sameorigin/../api/x` is `/api/x` on every transport. With the inspector off, the path is an
 * ordinary one.
 */
export const matchInspector: Step = (state: PlanState) => {
  if (state.pipeline.inspector === undefined) return undefined
  const path = toPath(state.request.url)
  if (path === undefined || (path !== BARE && !path.startsWith(INSPECTOR_BASE_PATH))) return undefined
  const refusal = checkHost(state)
  if (refusal !== undefined || state.dev === undefined) return refusal
  return { kind: 'inspect', origin: state.dev.origin } satisfies InspectPlan
}

/** The normalised path, or `undefined` where the routes would refuse it (they answer it then). */
function toPath(url: string): string | undefined {
  try {
    const target = parseRequestTarget(url)
    return target === undefined ? undefined : normalizePath(target.path)
  } catch (error) {
    if (isProxyError(error)) return undefined
    throw error
  }
}
