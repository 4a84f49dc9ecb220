import { toJsValues } from './to-js-values.ts'
import type { CorsPolicy } from './types.ts'

/**
 * `isAllowedOrigin(origin)` as JavaScript source, for the libraries whose origin option is a
 * function (Hono, Koa): the exact origins in a Set and, in development, the loopback RegExp.
 */
export function toJsOriginCheck(policy: CorsPolicy): string[] {
  const values = toJsValues(policy)
  const lines = [`const ALLOWED_ORIGINS = new Set(${values.exact})`]
  if (values.loopback !== undefined)
    lines.push(
      '/** The dev servers: any port on this machine. */',
      `const LOOPBACK_ORIGIN = ${values.loopback}`,
    )
  lines.push(
    '',
    '/** True for the origins whose pages may call this backend. */',
    'export function isAllowedOrigin(origin) {',
    values.loopback === undefined
      ? '  return ALLOWED_ORIGINS.has(origin)'
      : '  return ALLOWED_ORIGINS.has(origin) || LOOPBACK_ORIGIN.test(origin)',
    '}',
  )
  return lines
}
