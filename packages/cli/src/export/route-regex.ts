import type { PatternToken, ResolvedRoute } from '@sameorigin/core/rules'
import { parsePattern, splitRewriteQuery } from '@sameorigin/core/rules'
import { translateRegExp } from './translate-regexp.ts'

/**
 * One piece of the upstream path: literal text, what a capturing group of {@link RouteRegex.regex}
 * matched (numbered from 1, as `$1` in nginx and `{re.<name>.1}` in Caddy), or the whole request path.
 */
export type UpstreamPart =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'group'; readonly index: number }
  | { readonly type: 'path' }

/** A route in the regular-expression syntax PCRE (nginx) and RE2 (Caddy 2.6) share. */
export interface RouteRegex {
  /**
   * Matches the paths the route matches, as servers see them (percent-escapes decoded): anchored
   * (`^...$`) for prefix and pattern routes; a RegExp route's own expression keeps its anchoring.
   * Parameters are named groups `(?P<name>...)`; unnamed groups hold a parameter with its slash and
   * the trailing slash, for {@link RouteRegex.upstream}.
   */
  readonly regex: string
  /** How many capturing groups `regex` has. */
  readonly groupCount: number
  /**
   * The path sent upstream (target base path included), decoded like `regex`'s input: join the parts.
   * `[{ type: 'path' }]` alone when the path goes unchanged.
   */
  readonly upstream: readonly UpstreamPart[]
  /** The rewrite template's own query (`?legacy=1`), or `''`. */
  readonly query: string
  /**
   * Upstream path prefix → app path prefix, when the route maps one onto the other below them
   * (`/api` → `https://s/v1`: `{ upstream: '/v1', app: '/api' }`; `''`/`''` when nothing changes),
   * for `Location` and cookie `Path`. Both as written in headers (percent-encoded). `undefined` when
   * the mapping is no plain prefix swap.
   */
  readonly reversePrefix: { readonly upstream: string; readonly app: string } | undefined
}

/** Where a route parameter's value is: alone, and with the slash in front of it when it has one. */
interface Param {
  readonly inline: number
  readonly withSlash: number | undefined
  /** The value is never empty (a pattern's `:id`), so `/` + value stands for the whole segment. */
  readonly nonEmpty: boolean
}

const SPECIAL = /[.*+?^${}()|[\]\\]/g

/**
 * Translates a route for servers that match requests with regular expressions (nginx `location ~`,
 * Caddy `path_regexp`), with the path it sends upstream (see `compileRewrite` in core: a prefix route
 * with a base path maps its prefix onto it; a template keeps a trailing slash of the request).
 * `undefined` when it cannot: a function rewrite, a RegExp outside the shared syntax, a template
 * putting a RegExp group in a whole segment, or text that is not valid percent-encoded UTF-8.
 */
export function routeRegex(route: ResolvedRoute): RouteRegex | undefined {
  if (route.rewriteIsFunction) return undefined
  const matcher = compileSource(route)
  if (matcher === undefined) return undefined
  const basePath = route.target.basePath
  const { path: template, query } = splitRewriteQuery(route.rewriteTemplate ?? '')
  const reversePrefix = toReversePrefix(route, template)
  const base: UpstreamPart[] = basePath === '' ? [] : [{ type: 'text', value: decode(basePath) as string }]
  if (route.rewriteTemplate === undefined) {
    const rest: UpstreamPart[] =
      route.kind === 'prefix' && basePath !== ''
        ? [groupPart((matcher.params.path as Param).withSlash), groupPart(matcher.trailing)]
        : [{ type: 'path' }]
    return { ...matcher.regex, upstream: [...base, ...rest], query, reversePrefix }
  }
  const tokens = parsePattern(template).tokens
  const filled = tokens === undefined ? undefined : fillParts(tokens, matcher.params)
  if (filled === undefined) return undefined
  const last = tokens?.at(-1)
  const endsWithSlash = last?.type === 'text' && last.value.endsWith('/')
  const trailing = endsWithSlash || matcher.trailing === undefined ? [] : [groupPart(matcher.trailing)]
  return { ...matcher.regex, upstream: [...base, ...filled, ...trailing], query, reversePrefix }
}

function groupPart(index: number | undefined): UpstreamPart {
  return { type: 'group', index: index as number }
}

interface CompiledSource {
  readonly regex: { readonly regex: string; readonly groupCount: number }
  readonly params: Readonly<Record<string, Param>>
  /** The group holding the request's trailing slash (prefix and pattern routes). */
  readonly trailing: number | undefined
}

function compileSource(route: ResolvedRoute): CompiledSource | undefined {
  if (route.kind === 'regexp') {
    const translated = translateRegExp(route.source as RegExp)
    if (translated === undefined) return undefined
    const params: Record<string, Param> = {}
    translated.groups.forEach((name, i) => {
      if (name !== undefined) params[name] = { inline: i + 1, withSlash: undefined, nonEmpty: false }
    })
    const regex = { regex: translated.source, groupCount: translated.groups.length }
    return { regex, params, trailing: undefined }
  }
  if (route.kind === 'prefix') {
    const prefix = decode(route.source === '/' ? '' : (route.source as string))
    if (prefix === undefined) return undefined
    // Lazy, so that a trailing slash lands in group 3, as a template's trailing slash is kept apart.
    const regex = `^${escape(prefix)}(?:(/(?P<path>.*?))??(/)?)$`
    return {
      regex: { regex, groupCount: 3 },
      params: { path: { inline: 2, withSlash: 1, nonEmpty: false } },
      trailing: 3,
    }
  }
  const tokens = parsePattern(route.source as string).tokens ?? []
  const params: Record<string, Param> = {}
  let regex = '^'
  let count = 0
  for (const token of tokens) {
    if (token.type === 'text') {
      const text = decode(token.value)
      if (text === undefined) return undefined
      regex += escape(text)
    } else if (token.modifier === '') {
      params[token.name] = { inline: ++count, withSlash: undefined, nonEmpty: true }
      regex += `(?P<${token.name}>[^/]+)`
    } else {
      params[token.name] = { withSlash: ++count, inline: ++count, nonEmpty: false }
      const value = token.modifier === '?' ? '[^/]+' : token.modifier === '*' ? '.*?' : '.+?'
      regex += `(/(?P<${token.name}>${value}))${token.modifier === '+' ? '' : '??'}`
    }
  }
  if (regex.endsWith('/'))
    return { regex: { regex: `${regex}$`, groupCount: count }, params, trailing: undefined }
  return { regex: { regex: `${regex}(/)?$`, groupCount: count + 1 }, params, trailing: count + 1 }
}

/** A template's tokens as parts, or `undefined` when a whole-segment use cannot be expressed. */
function fillParts(
  tokens: readonly PatternToken[],
  params: Readonly<Record<string, Param>>,
): UpstreamPart[] | undefined {
  const parts: UpstreamPart[] = []
  for (const token of tokens) {
    if (token.type === 'text') {
      const value = decode(token.value)
      if (value === undefined) return undefined
      parts.push({ type: 'text', value })
      continue
    }
    const param = params[token.name]
    if (param === undefined) return undefined
    if (token.modifier === '') parts.push(groupPart(param.inline))
    else if (param.withSlash !== undefined) parts.push(groupPart(param.withSlash))
    else if (param.nonEmpty) parts.push({ type: 'text', value: '/' }, groupPart(param.inline))
    // A RegExp group may be empty, and then the template writes no slash: no fixed parts say that.
    else return undefined
  }
  return parts
}

/** The plain prefix swap of a route, when its mapping is one (see {@link RouteRegex.reversePrefix}). */
function toReversePrefix(route: ResolvedRoute, template: string): RouteRegex['reversePrefix'] {
  const basePath = route.target.basePath
  const own = route.kind === 'prefix' ? prefixOf(route) : undefined
  if (route.rewriteTemplate === undefined) {
    // Nothing changes without a base path, whatever the route's shape.
    if (basePath === '') return { upstream: '', app: '' }
    return own === undefined ? undefined : { upstream: basePath, app: own }
  }
  const sourceTokens = route.kind === 'pattern' ? parsePattern(route.source as string).tokens : undefined
  const app = own === undefined ? restPrefix(sourceTokens) : { text: own, name: 'path' }
  const upstream = restPrefix(parsePattern(template).tokens)
  if (app === undefined || upstream === undefined || app.name !== upstream.name) return undefined
  return { upstream: basePath + upstream.text, app: app.text }
}

function prefixOf(route: ResolvedRoute): string {
  return route.source === '/' ? '' : (route.source as string)
}

/** Tokens written `<text>/:name*` (a prefix, then the rest of the path): the text and the name. */
function restPrefix(tokens: readonly PatternToken[] | undefined): { text: string; name: string } | undefined {
  if (tokens === undefined) return undefined
  const [first, second, extra] = tokens
  if (extra !== undefined) return undefined
  const rest = second ?? first
  if (rest?.type !== 'param' || rest.modifier !== '*') return undefined
  if (second === undefined) return { text: '', name: rest.name }
  return first?.type === 'text' ? { text: first.value, name: rest.name } : undefined
}

/** Percent-escapes decoded (servers match decoded paths), or `undefined` if not valid UTF-8. */
function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

function escape(text: string): string {
  return text.replace(SPECIAL, '\\$&')
}
