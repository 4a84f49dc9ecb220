import type { ResolvedRoute } from '@sameorigin/core/rules'
import { parsePattern, splitRewriteQuery } from '@sameorigin/core/rules'
import type { NextRewrite, NextRouteHas } from './types.ts'

/** A route as Next rewrites, or why it cannot be one. */
export type TranslatedRoute =
  | { readonly rewrites: readonly NextRewrite[]; readonly skipped?: undefined }
  | { readonly rewrites?: undefined; readonly skipped: string }

// Characters path-to-regexp (Next's matcher) reads as syntax in a source or destination.
const NEXT_SYNTAX = /[:()*+?{}\\]/g
// RegExp syntax, for a header condition's literal value (Next anchors it: `^value$`).
const REGEXP_SYNTAX = /[.*+?^${}()|[\]\\/]/g

/**
 * A core pattern (`/files/:path*`, a template) in path-to-regexp syntax, or `undefined`. Optional
 * `:x?` parameters are written as required, or left out when named in `absent`: Next cannot fill an
 * absent parameter into a destination (it answers 500), so each one becomes two rewrites.
 */
function toNextPath(pattern: string, absent: ReadonlySet<string>): string | undefined {
  const parsed = parsePattern(pattern)
  if (parsed.error !== undefined) return undefined
  // Both put a `?`/`*`/`+` parameter's leading slash inside the optional group.
  return parsed.tokens
    .map((token) => {
      if (token.type === 'text') return token.value.replace(NEXT_SYNTAX, '\\$&')
      if (token.modifier === '?') return absent.has(token.name) ? '' : `/:${token.name}`
      return `${token.modifier === '' ? '' : '/'}:${token.name}${token.modifier}`
    })
    .join('')
}

/** The names of `pattern`'s optional parameters. */
function optionalParams(pattern: string): string[] {
  const parsed = parsePattern(pattern)
  if (parsed.error !== undefined) return []
  return parsed.tokens.flatMap((token) =>
    token.type === 'param' && token.modifier === '?' ? [token.name] : [],
  )
}

/** Every combination of present / absent optional parameters (`[]` → one empty set). */
function absenceSets(names: readonly string[]): Set<string>[] {
  return names.reduce<Set<string>[]>(
    (sets, name) => sets.flatMap((set) => [set, new Set([...set, name])]),
    [new Set()],
  )
}

/** `matchHeaders` as `has` / `missing`; `undefined` when a condition cannot be written for Next. */
function toConditions(route: ResolvedRoute): { has: NextRouteHas[]; missing: NextRouteHas[] } | undefined {
  const has: NextRouteHas[] = []
  const missing: NextRouteHas[] = []
  for (const [key, condition] of Object.entries(route.matchHeaders ?? {})) {
    // Always give a value: without one, Next copies the header into the destination's query.
    if (condition === false) missing.push({ type: 'header', key })
    else if (condition === true) has.push({ type: 'header', key, value: '(?:.*)' })
    else if (typeof condition === 'string')
      has.push({ type: 'header', key, value: condition.replace(REGEXP_SYNTAX, '\\$&') })
    // Next anchors the value (`^…$`) and takes no flags: only an unflagged RegExp translates.
    else if (condition.flags.replace(/[gy]/g, '') === '')
      has.push({ type: 'header', key, value: `(?:.*?)(?:${condition.source})(?:.*)` })
    else return undefined
  }
  return { has, missing }
}

/**
 * Translates one route into the Next rewrites that forward the same paths to the same upstream URL:
 * a prefix `/api` becomes `/api/:path*` (which also matches `/api`), a pattern keeps its parameters,
 * the target's origin and base path go into `destination`, and header conditions become `has` /
 * `missing`. Routes Next cannot match the same way (RegExp paths, method conditions, function
 * rewrites, flagged RegExp header conditions) are `skipped` with the reason.
 */
export function translateRoute(route: ResolvedRoute): TranslatedRoute {
  if (route.kind === 'regexp') return { skipped: 'a RegExp path has no Next rewrite equivalent' }
  if (route.methods !== undefined) return { skipped: 'Next rewrites cannot match on the method (methods)' }
  if (route.rewriteIsFunction) return { skipped: 'a function rewrite cannot run inside Next' }
  const conditions = toConditions(route)
  if (conditions === undefined) return { skipped: 'a RegExp header condition with flags (matchHeaders)' }

  const source = route.source as string
  const prefix = route.kind === 'prefix' ? source.replace(/\/+$/, '') : undefined
  // A template's query goes into the destination's: Next merges it with the request's as the core
  // does (the request's parameters, the destination's values winning, then its other parameters).
  const split = splitRewriteQuery(route.rewriteTemplate ?? '')
  const query = split.query === '?' ? '' : split.query
  if (query.includes(':')) return { skipped: "a ':' in the rewrite's query (Next reads it as a parameter)" }
  // The upstream path as core computes it: a template under the base path; else the path as is,
  // with a prefix standing for the base path when the target has one.
  const template = route.rewriteTemplate === undefined ? source : split.path
  const rewrites: NextRewrite[] = []
  for (const absent of absenceSets(prefix === undefined ? optionalParams(source) : [])) {
    const nextSource = prefix === undefined ? toNextPath(source, absent) : `${prefix}/:path*`
    const nextTemplate =
      prefix !== undefined && route.rewriteTemplate === undefined
        ? `${route.target.basePath === '' ? prefix : ''}/:path*`
        : toNextPath(template, absent)
    if (nextSource === undefined || nextTemplate === undefined) {
      return { skipped: 'the path does not translate to Next syntax' }
    }
    rewrites.push(...withTrailingSlash(toRewrite(route, nextSource, nextTemplate + query, conditions)))
  }
  return { rewrites }
}

function toRewrite(
  route: ResolvedRoute,
  nextSource: string,
  nextTemplate: string,
  conditions: { has: NextRouteHas[]; missing: NextRouteHas[] },
): NextRewrite {
  return {
    source: nextSource || '/',
    destination: `${route.target.origin}${route.target.basePath}${nextTemplate}`,
    // Routes match the path as the browser sent it, as in every other host: no basePath or locale
    // prefix is added to the source.
    basePath: false,
    locale: false,
    ...(conditions.has.length > 0 ? { has: conditions.has } : {}),
    ...(conditions.missing.length > 0 ? { missing: conditions.missing } : {}),
  }
}

function withTrailingSlash(rewrite: NextRewrite): NextRewrite[] {
  const nextSource = rewrite.source
  // Next's parameters drop a trailing slash (a request for /api/x/ fills :path* with x), while the
  // core keeps it and forwards /x/: a variant with the slash, tried first, carries it.
  // The slash goes before the destination's query, if it has one.
  const cut = rewrite.destination.indexOf('?')
  const destination =
    cut === -1
      ? `${rewrite.destination}/`
      : `${rewrite.destination.slice(0, cut)}/${rewrite.destination.slice(cut)}`
  const withSlash: NextRewrite = { ...rewrite, source: `${nextSource}/`, destination }
  return nextSource.endsWith('/') ? [rewrite] : [withSlash, rewrite]
}
