import type { ProxyError } from '@sameorigin/core'
import { findErrorPage } from '@sameorigin/core'
import type { ResolvedRoute } from '@sameorigin/core/rules'
import { renderErrorHtml, toErrorBody } from '@sameorigin/core/rewrite'

/**
 * The engine's error answer (`engine/send-error.ts`) as a Web `Response`: the same status, the same
 * HTML page for navigations and JSON `{ error: { code, message, hint, route, target } }` for the rest,
 * the same headers. The bodies come from the core, so both paths answer identically.
 */
export function toErrorResponse(
  request: Request,
  error: ProxyError,
  route: ResolvedRoute | undefined,
): Response {
  const status = error.status
  const html = request.headers.get('accept')?.includes('text/html') === true
  const body = html
    ? renderErrorHtml(error, status, route, findErrorPage(error.code))
    : `${JSON.stringify(toErrorBody(error, route))}\n`
  const headers = new Headers({
    'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  if (html) headers.set('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
  // A 405 names the methods that are forwarded, as the engine's answer does.
  if (typeof error.details.allow === 'string') headers.set('allow', error.details.allow)
  return new Response(request.method === 'HEAD' ? null : body, { status, headers })
}
