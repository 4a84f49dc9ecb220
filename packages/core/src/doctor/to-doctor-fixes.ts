import { adviceFixes, headerFixes, originSentLast } from './to-server-fixes.ts'
import type { DoctorRun, Fix } from './types.ts'

/** Findings no response header changes: the browser decides them before or without asking the server. */
const NOT_FIXED_BY_HEADERS = new Set([
  'forbidden-header',
  'forbidden-method',
  'local-network-insecure',
  'local-network-permission',
  'mixed-content',
])

/**
 * The URL a route must forward to: the page's URL, or after a cross-origin redirect the final one (a
 * redirect to another origin would leave the page's origin again, with `Origin: null`).
 */
export function toRoutedUrl(run: DoctorRun): string {
  return originSentLast(run) === 'null' ? run.request.finalUrl : run.request.url
}

/**
 * The fixes for a verdict, best first: the project's own fix (`projectFix`, given the URL to route:
 * a sameorigin route makes the call same-origin, so none of the CORS rules apply); then the exact
 * headers the server would have to send; then advice for what headers cannot fix (redirects, Local
 * Network Access, headers a page cannot set). No fixes when nothing was found, or when no server
 * change helps (a forbidden method).
 */
export function toDoctorFixes(run: DoctorRun, projectFix: (url: string) => Fix): Fix[] {
  if (run.reasons.length === 0 || run.request.sameOrigin) return []
  if (run.reasons.some((reason) => reason.code === 'forbidden-method')) return []
  const codes = run.reasons.map((reason) => reason.code)
  const routable = codes.some((code) => code !== 'forbidden-header')
  const headersHelp = codes.some((code) => !NOT_FIXED_BY_HEADERS.has(code))
  const headers = headersHelp ? headerFixes(run) : []
  const advice = adviceFixes(run)
  // After a cross-origin redirect, headers only help by allowing Origin: null, a risk: calling the
  // final URL directly comes first.
  const tainted = originSentLast(run) === 'null'
  return [
    ...(routable ? [projectFix(toRoutedUrl(run))] : []),
    ...(tainted ? [...advice, ...headers] : [...headers, ...advice]),
  ]
}
