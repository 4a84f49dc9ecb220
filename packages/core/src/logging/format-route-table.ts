import { DEFAULTS } from '../rules/defaults.ts'
import type { ResolvedConfig, ResolvedRoute } from '../types.ts'

/** The non-default settings of a route, in a few words each (the route table's and the reload line's). */
export function describeRouteOptions(route: ResolvedRoute): string {
  const notes: string[] = []
  if (route.methods !== undefined) notes.push([...route.methods].join(','))
  if (route.rewriteTemplate !== undefined) notes.push(`rewrite ${route.rewriteTemplate}`)
  else if (route.rewriteIsFunction) notes.push('rewrite function')
  if (route.headersFunction !== undefined) notes.push('headers function')
  if (route.matchHeaders !== undefined) notes.push(`if ${Object.keys(route.matchHeaders).join(',')}`)
  if (!route.ws) notes.push('no ws')
  if (!route.changeOrigin) notes.push('keeps Host')
  if (!route.secure) notes.push('TLS unverified')
  if (route.ca !== undefined) notes.push('own CA')
  if (route.timeout !== DEFAULTS.timeout) notes.push(`timeout ${route.timeout}ms`)
  if (route.connectTimeout !== DEFAULTS.connectTimeout) notes.push(`connect ${route.connectTimeout}ms`)
  if (route.mock !== undefined) notes.push(`mock: ${route.mock.mode}`)
  return notes.join(', ')
}

/**
 * The startup table of routes that adapters print at `info`: one line per route in match order,
 * source → target, and whatever differs from the defaults.
 * @example
 * formatRouteTable(resolved)
 * // routes (first match wins):
 * //   /api   → http://127.0.0.1:8080/
 * //   /auth  → https://staging.example.com/v1  (TLS unverified)
 */
export function formatRouteTable(resolved: ResolvedConfig): string {
  if (resolved.routes.length === 0) return 'no routes: every request is left to the dev server'
  const width = Math.max(...resolved.routes.map((route) => route.id.length))
  const lines = resolved.routes.map((route) => {
    const notes = describeRouteOptions(route)
    return `  ${route.id.padEnd(width)}  → ${route.target.href}${notes === '' ? '' : `  (${notes})`}`
  })
  return [`routes (first match wins):`, ...lines].join('\n')
}
