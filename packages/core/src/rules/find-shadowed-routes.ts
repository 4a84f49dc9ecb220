import type { ConfigIssue, ResolvedRoute } from '../types.ts'
import type { PatternToken } from './parse-pattern.ts'
import { parsePattern } from './parse-pattern.ts'

/** What a route is known to match, reduced to the shapes we can compare with certainty. */
interface Coverage {
  /** Every match starts with this literal text (`''` when unknown). */
  readonly lead: string
  /** The route matches exactly `lead` or `lead/…` (a prefix, or `/x/:path*`); `'+'`: `lead/…` only. */
  readonly prefixLike: 'all' | '+' | undefined
  /** After `lead` comes a whole-segment parameter (`/x/:id?`), so matches are `lead` or `lead/…`. */
  readonly segmentAfterLead: boolean
}

/**
 * `ERR_RULE_SHADOWED` warnings for routes that can never match because an earlier route without
 * conditions matches every path they would: `/api` before `/api/users`, `/:path*` before anything,
 * the same path twice. Conservative: only what is certain is reported (RegExps are only known to be
 * shadowed by a catch-all, and routes with `methods`/`matchHeaders` never shadow).
 */
export function findShadowedRoutes(routes: readonly ResolvedRoute[]): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const coverage = routes.map(coverageOf)
  routes.forEach((route, i) => {
    for (let j = 0; j < i; j++) {
      const earlier = routes[j] as ResolvedRoute
      if (earlier.methods !== undefined || earlier.matchHeaders !== undefined) continue
      if (!covers(earlier, coverage[j] as Coverage, route, coverage[i] as Coverage)) continue
      issues.push({
        code: 'ERR_RULE_SHADOWED',
        severity: 'warning',
        path: route.configPath,
        message: `'${route.id}' can never match: ${earlier.configPath} ('${earlier.id}') comes first and matches every request it would`,
        fix: `move ${route.configPath} above ${earlier.configPath}`,
      })
      break
    }
  })
  return issues
}

function covers(first: ResolvedRoute, a: Coverage, later: ResolvedRoute, b: Coverage): boolean {
  if (first.kind === later.kind && String(first.source) === String(later.source)) return true
  if (a.prefixLike === undefined) return false
  if (a.prefixLike === 'all' && a.lead === '') return true
  if (later.kind === 'regexp') return false
  const below = `${a.lead}/`
  // Every path `later` matches starts with b.lead; b.lead starting with `lead/` puts all of them below.
  if (b.lead.startsWith(below)) return a.prefixLike === 'all' || b.lead.length > below.length
  return a.prefixLike === 'all' && b.lead === a.lead && (later.kind === 'prefix' || b.segmentAfterLead)
}

function coverageOf(route: ResolvedRoute): Coverage {
  if (route.kind === 'regexp' || typeof route.source !== 'string')
    return { lead: '', prefixLike: undefined, segmentAfterLead: false }
  if (route.kind === 'prefix') {
    return { lead: route.source === '/' ? '' : route.source, prefixLike: 'all', segmentAfterLead: false }
  }
  const tokens: readonly PatternToken[] = parsePattern(route.source).tokens ?? []
  const [first, second] = tokens
  const lead = first?.type === 'text' ? first.value : ''
  const param = first?.type === 'param' ? first : second?.type === 'param' ? second : undefined
  const isSegment = param !== undefined && param.modifier !== ''
  const onlyParam = tokens.length === (first?.type === 'text' ? 2 : 1)
  const prefixLike =
    isSegment && onlyParam && (param.modifier === '*' || param.modifier === '+')
      ? param.modifier === '*'
        ? 'all'
        : '+'
      : undefined
  return { lead, prefixLike, segmentAfterLead: isSegment }
}
