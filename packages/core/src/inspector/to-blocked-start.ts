import { findRoutedCall } from '../doctor/to-project-fix.ts'
import type { BlockedStart } from '../inspect/index.ts'
import { toRequestShape } from '../report/diagnose-blocked-call.ts'
import { toDoctorCommand } from '../report/format-blocked-call.ts'
import type { BlockedCall, BlockedCallDiagnosis } from '../report/types.ts'
import type { ResolvedRoute } from '../types.ts'

/**
 * The inspector's entry for a blocked call the dev server printed `text` for: the call's shape, how
 * far the check went, the block as printed, the first fix (the project's when the doctor gives one)
 * and the doctor command; `route` is the route that already forwards to the URL, if one does, so the
 * route filter finds it.
 */
export function toBlockedStart(
  call: BlockedCall,
  diagnosis: BlockedCallDiagnosis,
  text: string,
  routes: readonly ResolvedRoute[],
): BlockedStart {
  const fix = diagnosis.kind === 'diagnosed' ? diagnosis.report.fixes[0] : diagnosis.fix
  return {
    method: call.method,
    url: call.url,
    pageOrigin: call.pageOrigin,
    route: findRoute(routes, call),
    blocked: {
      api: call.kind,
      credentials: call.credentials,
      headers: call.headers.map((header) => (typeof header === 'string' ? header : header.join(': '))),
      check: diagnosis.kind,
      verdict: text,
      fix: fix === undefined ? undefined : { title: fix.title, lines: [...fix.lines] },
      command: toDoctorCommand(call),
    },
  }
}

function findRoute(routes: readonly ResolvedRoute[], call: BlockedCall): string | undefined {
  try {
    return findRoutedCall(routes, toRequestShape(call).url, call.method.toUpperCase())?.route.id
  } catch {
    return undefined
  }
}
