import type { ResolvedRoute } from '@sameorigin/core'

/** The literal start of a pattern: up to its first parameter or escape. */
const PATTERN_START = /^[^:\\]*/

/**
 * Workers Static Assets' `run_worker_first`: the paths the Worker must see before the assets do
 * (`/api` → `/api`, `/api/*`; `/users/:id` → `/users*`, a superset: the Worker hands back to the
 * assets whatever no route takes), or `true` when a route cannot be written as a path glob (a
 * RegExp route, a catch-all `/`, a literal with the globs' own `*` or `!`).
 */
export function toWorkerFirstPaths(routes: readonly ResolvedRoute[]): string[] | true {
  const globs = new Set<string>()
  for (const route of routes) {
    if (typeof route.source !== 'string' || route.kind === 'regexp') return true
    const literal = route.kind === 'prefix' ? route.source : (PATTERN_START.exec(route.source)?.[0] ?? '')
    const base = literal.replace(/\/+$/, '')
    if (base === '' || /[*!]/.test(base)) return true
    if (route.kind === 'prefix') {
      globs.add(base)
      globs.add(`${base}/*`)
    } else globs.add(`${base}*`)
  }
  return [...globs]
}
