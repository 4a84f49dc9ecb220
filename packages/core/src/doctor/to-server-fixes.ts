import { CHROMIUM_MAX_AGE_CAP } from './check-preflight.ts'
import { getHeader } from './get-header.ts'
import { isCorsSafelistedMethod } from './needs-preflight.ts'
import type { DoctorRun, Fix } from './types.ts'

/**
 * The `Origin` the browser sent on the last request: the page's origin, or `null` after a
 * cross-origin redirect (the standard's redirect-tainted origin).
 */
export function originSentLast(run: DoctorRun): string {
  const last = run.request.exchanges.at(-1)
  return (last === undefined ? null : getHeader(last.requestHeaders, 'origin')) ?? run.request.origin
}

/** The risk of allowing `Origin: null`, said where the fix proposes it. */
const NULL_RISK = [
  'Risk: `null` is also the origin of every sandboxed iframe, data: URL and file: page, so any site',
  'can read these responses (with your cookies, when credentials are allowed). Prefer calling the',
  'final URL directly; if you allow null, do it on the development backend only.',
]

/**
 * The headers the server must send: on the preflight (when one is needed) and on the response, at
 * the final URL. After a cross-origin redirect the browser sends `Origin: null` there, so only
 * `null` is allowed, and the fix says what that risks.
 */
export function headerFixes(run: DoctorRun): Fix[] {
  const { request, facts } = run
  const url = facts.redirects.length > 0 ? request.finalUrl : request.url
  const sent = originSentLast(run)
  const origin = [`Access-Control-Allow-Origin: ${sent}`]
  if (request.credentials === 'include') origin.push('Access-Control-Allow-Credentials: true')
  const fixes: Fix[] = []
  if (facts.preflightNeeded) {
    const lines = [...origin]
    if (!isCorsSafelistedMethod(request.method)) lines.push(`Access-Control-Allow-Methods: ${request.method}`)
    // Names, never `*`: `*` does not cover Authorization in the standard, nor anything with credentials.
    if (facts.unsafeHeaderNames.length > 0) {
      lines.push(`Access-Control-Allow-Headers: ${facts.unsafeHeaderNames.join(', ')}`)
    }
    lines.push(`Access-Control-Max-Age: ${CHROMIUM_MAX_AGE_CAP}`, 'Vary: Origin')
    fixes.push({
      kind: 'headers',
      title: `Or fix the server: answer the preflight (OPTIONS ${url}) with 204 and these headers, before any authentication${sent === 'null' ? ' (it comes with Origin: null)' : ''}`,
      lines: sent === 'null' ? [...lines, '', ...NULL_RISK] : lines,
    })
  }
  const response = [...origin]
  if (facts.hiddenHeaders.length > 0)
    response.push(`Access-Control-Expose-Headers: ${facts.hiddenHeaders.join(', ')}`)
  response.push('Vary: Origin')
  fixes.push({
    kind: 'headers',
    title:
      `${facts.preflightNeeded ? 'And' : 'Or fix the server:'} send these headers on the response to ${request.method} ${url}` +
      (sent === 'null' ? ', which the browser asks with Origin: null after the cross-origin redirect' : ''),
    lines: sent === 'null' && !facts.preflightNeeded ? [...response, '', ...NULL_RISK] : response,
  })
  return fixes
}

/** What headers cannot fix: redirects, Local Network Access, headers a page cannot set. */
export function adviceFixes(run: DoctorRun): Fix[] {
  const codes = new Set(run.reasons.map((reason) => reason.code))
  const fixes: Fix[] = []
  if (run.facts.redirects.length > 0) {
    fixes.push({
      kind: 'advice',
      title: `Call the final URL directly instead of following ${run.facts.redirects.length === 1 ? 'a redirect' : 'redirects'}`,
      lines: [
        ...run.facts.redirects.map((hop) => `${hop.status}: ${hop.from} → ${hop.to}`),
        'Every hop of a CORS request needs CORS headers, a cross-origin hop turns Origin into null, and',
        'Authorization is dropped: the portable fix is no redirect at all.',
      ],
    })
  }
  if (codes.has('local-network-insecure') || codes.has('local-network-permission')) {
    fixes.push({
      kind: 'advice',
      title: 'Serve the page from localhost during development',
      lines: [
        'A page on http://localhost (or 127.0.0.1) is never gated by Local Network Access; a page on a public',
        "origin needs https and the user's permission for every local or loopback backend.",
      ],
    })
  }
  if (codes.has('forbidden-header')) {
    fixes.push({
      kind: 'advice',
      title: 'Remove the headers a page cannot set from the request',
      lines: [
        "The browser drops them; cookies go with credentials: 'include' and Set-Cookie from the server.",
      ],
    })
  }
  return fixes
}
