import { ERROR_CODES } from '@sameorigin/core'
import type { ResolvedRoute } from '@sameorigin/core/rules'
import { quoteNginx } from './quote-nginx.ts'

/** The engine's error codes for nginx's own 502 (no connection) and 504 (a timeout). */
const ERRORS = { 502: 'ERR_UPSTREAM_UNREACHABLE', 504: 'ERR_UPSTREAM_TIMEOUT' } as const

/**
 * The named locations a route's `error_page` sends nginx's own 502 and 504 to: the engine's JSON error
 * (`{ error: { code, message, hint, route, target } }`), so a page's fetch reads why. An upstream's own
 * 502 or 504 passes unchanged (`proxy_intercept_errors` stays off).
 */
export function renderErrorLocations(
  route: ResolvedRoute,
  name: string,
): { lines: string[]; names: string[] } {
  const lines: string[] = []
  const names: string[] = []
  for (const [status, code] of Object.entries(ERRORS)) {
    const { message, hint } = ERROR_CODES[code]
    const body = JSON.stringify({
      error: { code, message, hint, route: route.id, target: route.target.href },
    })
    const location = `@${name}_${status}`
    names.push(`error_page ${status} ${location};`)
    lines.push(
      `location ${location} {`,
      '  default_type "application/json; charset=utf-8";',
      `  return ${status} ${quoteNginx(body, true)};`,
      '}',
    )
  }
  return { lines, names }
}
