import type { ResolvedRoute } from '../types.ts'
import type { RequestShape } from './check-request-shape.ts'
import { runDoctor } from './run-doctor.ts'
import type { RunDoctorOptions } from './run-doctor.ts'
import { toDoctorFixes } from './to-doctor-fixes.ts'
import { toDoctorReport } from './to-doctor-report.ts'
import type { DoctorReport } from './to-doctor-report.ts'
import { toProjectFix } from './to-project-fix.ts'

/** Options of {@link diagnoseBlockedRequest}. */
export interface DiagnoseOptions extends RunDoctorOptions {
  /** The dev server's resolved routes (`ResolvedConfig.routes`). */
  readonly routes: readonly ResolvedRoute[]
  /** The config file's name, for the fix's text. @default 'sameorigin.config.ts' */
  readonly configFile?: string | undefined
}

/**
 * For a call a page's browser blocked, as the page reports its shape to the dev server: runs the
 * same checks as `sameorigin doctor` on that exact request (preflight, request, redirects, each
 * CORS check), and returns the verdict with the fixes, the project's first: when a route already
 * forwards to the URL, "call /api/me instead"; otherwise the route to add to the config. Then the
 * headers the server would have to send, and advice for what headers cannot fix.
 *
 * Like the command, it sends the request itself to the backend (without a body) when the preflight
 * lets it through. Throws a `TypeError` for a shape fetch() would reject, and
 * `ERR_CLI_REQUEST_FAILED` when the backend gives no answer.
 */
export async function diagnoseBlockedRequest(
  shape: RequestShape,
  options: DiagnoseOptions,
): Promise<DoctorReport> {
  const { routes, configFile, ...runOptions } = options
  const run = await runDoctor(shape, runOptions)
  const fixes = toDoctorFixes(run, (url) => toProjectFix(routes, url, run.request.method, configFile))
  return toDoctorReport(run, fixes)
}
