import type { ResolvedRoute } from '@sameorigin/core/rules'
import { parsePattern, splitRewriteQuery } from '@sameorigin/core/rules'
import type { PatternToken } from '@sameorigin/core/rules'

/** A route's `from` / `to` pairs (`to` without the target's origin), or why it has none. */
export type NetlifyPaths =
  | { readonly pairs: readonly { from: string; to: string }[]; readonly skipped?: undefined }
  | { readonly pairs?: undefined; readonly skipped: string }

type Param = Extract<PatternToken, { type: 'param' }>

/** Why `tokens` (a route's path) have no Netlify `from`, or `undefined` when they have one. */
function fromProblem(tokens: readonly PatternToken[]): string | undefined {
  for (const [i, token] of tokens.entries()) {
    const next = tokens[i + 1]
    if (token.type === 'text') {
      if (/[:*]/.test(token.value)) return "a ':' or '*' in the path (Netlify reads them as syntax)"
      if (next?.type === 'param' && next.modifier === '' && !token.value.endsWith('/'))
        return 'a parameter inside a segment (Netlify placeholders are whole segments)'
      continue
    }
    if (token.modifier === '+')
      return `a one-or-more parameter (:${token.name}+): a Netlify splat also matches nothing`
    if (token.modifier === '*' && next !== undefined)
      return `a zero-or-more parameter (:${token.name}*) before the end`
    if (next?.type === 'text' && !next.value.startsWith('/'))
      return 'a parameter inside a segment (Netlify placeholders are whole segments)'
  }
  return undefined
}

/** Why the upstream path (a rewrite template and its query) has no Netlify `to`, or `undefined`. */
function toProblem(tokens: readonly PatternToken[], query: string): string | undefined {
  if (tokens.some((token) => token.type === 'param' && token.modifier === '+'))
    return 'a one-or-more parameter in the rewrite'
  if (query.includes(':') || tokens.some((token) => token.type === 'text' && token.value.includes(':')))
    return "a ':' in the rewrite (Netlify reads it as a placeholder)"
  return undefined
}

/** Every combination of present / absent optional and zero-or-more parameters, absent first. */
function absenceSets(tokens: readonly PatternToken[]): Set<string>[] {
  const names = tokens.flatMap((token) =>
    token.type === 'param' && (token.modifier === '?' || token.modifier === '*') ? [token.name] : [],
  )
  return names.reduce<Set<string>[]>(
    (sets, name) => sets.flatMap((set) => [new Set([...set, name]), set]),
    [new Set()],
  )
}

/** One token in Netlify syntax: a `*` parameter is the splat, written `*` in `from`, `:splat` in `to`. */
function write(
  token: PatternToken,
  absent: ReadonlySet<string>,
  splat: string | undefined,
  side: 'from' | 'to',
): string {
  if (token.type === 'text') return token.value
  const param: Param = token
  if (absent.has(param.name)) return ''
  const slash = param.modifier === '' ? '' : '/'
  if (param.name === splat) return `${slash}${side === 'from' ? '*' : ':splat'}`
  return `${slash}:${param.name}`
}

/**
 * A route's path and upstream path in Netlify's syntax: placeholders (`:id`, whole segments), a splat
 * (`*`, last) for a zero-or-more parameter, an optional parameter as two rules (with and without it),
 * and a rule without the splat first (`/api` before `/api/*`) so a request without it is forwarded
 * as it came. A prefix route is the pattern `/prefix/:path*`. `to` is the upstream path, base path
 * included, with the rewrite's query.
 */
export function toNetlifyPaths(route: ResolvedRoute): NetlifyPaths {
  const source = route.source as string
  const prefix = route.kind === 'prefix' ? source.replace(/\/+$/, '') : undefined
  const pattern = prefix === undefined ? source : `${prefix}/:path*`
  const split = splitRewriteQuery(route.rewriteTemplate ?? '')
  const template =
    route.rewriteTemplate !== undefined
      ? split.path
      : prefix !== undefined && route.target.basePath !== ''
        ? '/:path*'
        : pattern
  const from = parsePattern(pattern)
  const to = parsePattern(template)
  if (from.error !== undefined || to.error !== undefined) return { skipped: 'the path does not parse' }
  const problem = fromProblem(from.tokens) ?? toProblem(to.tokens, split.query)
  if (problem !== undefined) return { skipped: problem }
  const splat = from.tokens.find((t): t is Param => t.type === 'param' && t.modifier === '*')?.name
  const query = split.query === '?' ? '' : split.query
  const pairs = absenceSets(from.tokens).flatMap((absent) => {
    const path = from.tokens.map((t) => write(t, absent, splat, 'from')).join('')
    // The root without its splat is no path: `/*` takes `/` itself (the splat empty, the slash kept).
    if (path === '') return []
    const upstream = to.tokens.map((t) => write(t, absent, splat, 'to')).join('')
    return [{ from: path, to: `${route.target.basePath}${upstream}`.replace(/^$/, '/') + query }]
  })
  return { pairs }
}
