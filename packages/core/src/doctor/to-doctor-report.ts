import type { DoctorRun, Fix, PreflightReport, Reason, RequestReport } from './types.ts'

/**
 * What `sameorigin doctor --json` prints (one document on stdout), and what the programmatic API
 * returns. Header lists are arrays of `[name, value]` pairs in the order received, so a header sent
 * twice appears twice.
 *
 * - `allowed`: whether a browser at the origin would let the page read the response.
 * - `preflight`: the first CORS preflight (`{ sent, url, requestHeaders, status, headers }`), or `null`
 *   when the request needs none. `sent: false` means the browser stopped before sending it.
 * - `request`: the request as the page makes it (`origin`, `url`, `method`, `headers`, `credentials`)
 *   and what happened: `sameOrigin`, `sent`, `finalUrl`, `status`, `responseHeaders`,
 *   `readableHeaders`, and `exchanges` (every request sent, preflights and redirect hops included).
 * - `reasons`: `{ code, severity: 'block' | 'warn', message, standard, browsers? }`, in the order found.
 * - `fixes`: `{ kind: 'route' | 'serve' | 'headers' | 'advice', title, lines }`, best first.
 */
export interface DoctorReport {
  readonly allowed: boolean
  readonly preflight: PreflightReport | null
  readonly request: RequestReport
  readonly reasons: readonly Reason[]
  readonly fixes: readonly Fix[]
}

/** The report of a run: its verdict with the fixes for the project. */
export function toDoctorReport(run: DoctorRun, fixes: readonly Fix[]): DoctorReport {
  return { allowed: run.allowed, preflight: run.preflight, request: run.request, reasons: run.reasons, fixes }
}
