import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PatternToken } from '@sameorigin/core/rules'
import { compileMatcher, parsePattern } from '@sameorigin/core/rules'
import type { StaticObject, StaticValue } from './read-static-value.ts'
import { EnvString, isStaticObject } from './read-static-value.ts'
import type { Translation } from './route-draft.ts'
import { finishRoute } from './route-draft.ts'

/** Where a rewrite sits in Next's order: before pages, after pages, or after dynamic routes. */
export type RewriteGroup = 'beforeFiles' | 'afterFiles' | 'fallback'

const KNOWN_KEYS = new Set(['source', 'destination', 'has', 'missing', 'basePath', 'locale'])
// `http://host:port` and the path after it; a query or fragment is refused separately.
const ABSOLUTE = /^(https?:\/\/[^/?#:]+(?::\d+)?)(\/[^?#]*)?$/i
// `${API_URL}` (or `${API_URL:-http://…}`) and the path after it.
const FROM_ENV = /^(\$\{[^}]+\})(\/[^?#]*)?$/
// Where Next serves pages, route handlers and files, which afterFiles rewrites yield to.
const PAGE_DIRS = ['app', 'src/app', 'pages', 'src/pages', 'public']

/**
 * Translates one Next rewrite to a backend (`{ source: '/api/:path*', destination:
 * 'http://127.0.0.1:8080/api/:path*' }`) into a route that forwards the same paths to the same
 * URLs: a `/x/:path*` → `<origin>/y/:path*` pair becomes the prefix route `/x` (the target's path
 * standing for `/x`), anything else a pattern route with the destination's path as its rewrite.
 * Header conditions become `matchHeaders`. It stays when Next would do something the route cannot:
 * a destination inside the app, a query in the destination, parameters Next appends to the query,
 * other kinds of conditions, Next-only path syntax, or (for afterFiles and fallback rewrites, which
 * Next tries after the app's own pages) a page or route in the app that the route would now shadow.
 */
export function translateNextRewrite(rewrite: StaticValue, group: RewriteGroup, root: string): Translation {
  if (!isStaticObject(rewrite)) return { reason: 'the rewrite is not an object literal' }
  const unknown = Object.keys(rewrite).find((key) => !KNOWN_KEYS.has(key))
  if (unknown !== undefined) return { reason: `\`${unknown}\` has no sameorigin equivalent` }
  const { source, destination } = rewrite
  if (typeof source !== 'string') return { reason: 'source is not a string' }

  const split = splitDestination(destination)
  if ('reason' in split) return split
  const sourceTokens = parsePattern(source)
  if (sourceTokens.error !== undefined)
    return { reason: `source '${source}' uses Next syntax sameorigin does not read` }
  const pathTokens = parsePattern(split.path)
  if (pathTokens.error !== undefined)
    return { reason: `the destination path '${split.path}' uses Next syntax sameorigin does not read` }

  const conditions = readConditions(rewrite)
  if ('reason' in conditions) return conditions
  const sourceParams = paramNames(sourceTokens.tokens)
  const used = new Set(paramNames(pathTokens.tokens))
  const unused = sourceParams.filter((name) => !used.has(name))
  if (unused.length > 0)
    return {
      reason: `Next appends the unused parameter :${unused[0]} to the destination's query; a route does not`,
    }

  const route = toRoute(source, sourceTokens.tokens, split, pathTokens.tokens)
  if (group !== 'beforeFiles') {
    const shadowed = findShadowedPage(root, route.path)
    if (shadowed !== undefined) {
      return {
        reason: `Next tries ${group} rewrites after the app's own ${shadowed}, and sameorigin's routes come first: it would take those paths`,
      }
    }
  }
  const options = {
    ...route.options,
    ...(conditions.matchHeaders === undefined ? {} : { matchHeaders: conditions.matchHeaders }),
  }
  return finishRoute(route.path, options)
}

function splitDestination(
  destination: StaticValue,
): { target: string | EnvString; path: string } | { reason: string } {
  const text =
    typeof destination === 'string'
      ? destination
      : destination instanceof EnvString
        ? destination.text
        : undefined
  if (text === undefined) return { reason: 'destination is not a string' }
  if (text.startsWith('/')) return { reason: `it rewrites to a path of this app (${text}), not to a backend` }
  if (/[?#]/.test(text))
    return { reason: 'the destination has a query or fragment, which a route does not add' }
  const match = (destination instanceof EnvString ? FROM_ENV : ABSOLUTE).exec(text)
  if (match === null) return { reason: `the destination '${text}' is not an http(s) URL sameorigin can read` }
  const origin = match[1] as string
  return { target: destination instanceof EnvString ? new EnvString(origin) : origin, path: match[2] ?? '/' }
}

/** `has` / `missing` header conditions as `matchHeaders`, as Next tests them (`^value$`). */
function readConditions(rewrite: StaticObject): { matchHeaders?: StaticObject } | { reason: string } {
  const matchHeaders: Record<string, StaticValue> = {}
  for (const kind of ['has', 'missing'] as const) {
    const list = rewrite[kind]
    if (list === undefined) continue
    if (!Array.isArray(list)) return { reason: `${kind} is not a list` }
    for (const condition of list as StaticValue[]) {
      if (!isStaticObject(condition) || condition.type !== 'header' || typeof condition.key !== 'string')
        return { reason: `${kind} tests something other than a request header` }
      const key = condition.key.toLowerCase()
      const value = condition.value
      if (kind === 'missing') {
        if (value !== undefined) return { reason: 'missing with a value has no sameorigin equivalent' }
        matchHeaders[key] = false
      } else if (typeof value !== 'string') {
        // Without a value, Next captures the header as a parameter and appends it to the query.
        return {
          reason: `has: [{ key: '${condition.key}' }] without a value passes the header on in the query`,
        }
      } else if (value.includes('(?<')) {
        return { reason: 'a has condition captures a named group, which only Next can fill in' }
      } else if (/^[\w\- ,:;=@/]*$/.test(value)) {
        // No RegExp syntax: Next's `^value$` is the value itself.
        matchHeaders[key] = value
      } else {
        try {
          matchHeaders[key] = new RegExp(`^${value}$`)
        } catch {
          return { reason: `has: the value '${value}' is not a valid regular expression` }
        }
      }
    }
  }
  return Object.keys(matchHeaders).length === 0
    ? {}
    : { matchHeaders: Object.assign(Object.create(null), matchHeaders) as StaticObject }
}

function paramNames(tokens: readonly PatternToken[]): string[] {
  return tokens.flatMap((token) => (token.type === 'param' ? [token.name] : []))
}

/** `[text L, param p*]` (or just `[param p*]`): the literal part and the parameter's name. */
function asPrefix(tokens: readonly PatternToken[]): { literal: string; name: string } | undefined {
  const [first, second] = tokens
  if (tokens.length === 1 && first?.type === 'param' && first.modifier === '*')
    return { literal: '', name: first.name }
  if (tokens.length === 2 && first?.type === 'text' && second?.type === 'param' && second.modifier === '*')
    return { literal: first.value.replace(/\/+$/, ''), name: second.name }
  return undefined
}

function toRoute(
  source: string,
  sourceTokens: readonly PatternToken[],
  destination: { target: string | EnvString; path: string },
  pathTokens: readonly PatternToken[],
): { path: string; options: Record<string, StaticValue> } {
  const { target, path } = destination
  const from = asPrefix(sourceTokens)
  const to = asPrefix(pathTokens)
  if (from !== undefined && to !== undefined && from.name === to.name) {
    const key = from.literal || '/'
    // A target from the environment may carry its own path: an explicit rewrite is right either way.
    if (target instanceof EnvString)
      return { path: key, options: { target, rewrite: `${to.literal}/:path*` } }
    if (to.literal === from.literal) return { path: key, options: { target } }
    if (to.literal !== '') return { path: key, options: { target: `${target}${to.literal}` } }
    return { path: key, options: { target, rewrite: '/:path*' } }
  }
  const rewrite = path === source && !(target instanceof EnvString) ? undefined : path
  return { path: source, options: rewrite === undefined ? { target } : { target, rewrite } }
}

/**
 * The app's page, route handler or public file a route would take paths from, if any: the folder or
 * file named after the route's first segment, or, for a route with no literal first segment, any
 * page at all.
 */
function findShadowedPage(root: string, path: string): string | undefined {
  let first: string | undefined
  try {
    const matcher = compileMatcher(path)
    first =
      matcher.kind === 'prefix'
        ? (matcher.prefix ?? '').split('/')[1]
        : matcher.tokens?.[0]?.type === 'text'
          ? matcher.tokens[0].value.split('/')[1]
          : undefined
  } catch {
    first = undefined
  }
  for (const dir of PAGE_DIRS) {
    const folder = join(root, dir)
    if (!existsSync(folder)) continue
    if (first === undefined || first === '') return `${dir}/ folder`
    const names = readdirSync(folder)
    const hit = names.find((name) => name === first || name.replace(/\.[^.]+$/, '') === first)
    if (hit !== undefined) return `${dir}/${hit}`
  }
  return undefined
}

/**
 * Which paths a rewrite's source may take, for the order check: every path that starts with the
 * source's literal part (before its first parameter or pattern syntax), compared without case as
 * Next matches. A superset of what Next matches, so the check never misses an overlap.
 */
export function nextRewriteMatches(rewrite: StaticValue): ((path: string) => boolean) | undefined {
  if (!isStaticObject(rewrite) || typeof rewrite.source !== 'string') return undefined
  const literal = (rewrite.source.split(/[:(*?+{\\]/)[0] ?? '').toLowerCase()
  return (path) => path.toLowerCase().startsWith(literal)
}
