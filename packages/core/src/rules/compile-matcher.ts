import type { RouteKind, RouteParams } from '../types.ts'
import type { PatternToken } from './parse-pattern.ts'
import { createError } from '../errors/proxy-error.ts'
import { parsePattern } from './parse-pattern.ts'
import { patternToRegExp } from './pattern-to-regexp.ts'
import { quote } from '../internal/quote.ts'
import { withoutStatefulFlags } from '../internal/without-stateful-flags.ts'

/** A route path compiled once at resolve time. */
export interface Matcher {
  readonly kind: RouteKind
  /** Prefix routes: the prefix without trailing slash (`''` for `/`). */
  readonly prefix: string | undefined
  /** Pattern routes: the parsed tokens (used to fill the path back in reverse rewrites). */
  readonly tokens: readonly PatternToken[] | undefined
  /** RegExp routes: the expression (flags `g` and `y` removed). */
  readonly regexp: RegExp | undefined
  /** The names of the parameters this route captures. */
  readonly params: readonly string[]
  /** Matches a normalised path and returns its parameters, or `undefined`. */
  readonly matchPath: (path: string) => RouteParams | undefined
}

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/

/**
 * Compiles a route path. A string without parameters is a prefix on segment boundaries (`/api`
 * matches `/api`, `/api/`, `/api/x`, never `/apix`; its `path` parameter is what follows the prefix);
 * a string with `:params` is a pattern matched against the whole path; a string starting with `^`, or
 * a RegExp, is a regular expression tested against the normalised path (query excluded), whose named
 * groups become parameters. Throws `ERR_RULE_PATH_INVALID` with the reason and a fix.
 */
export function compileMatcher(source: string | RegExp): Matcher {
  if (typeof source !== 'string') return regexpMatcher(withoutStatefulFlags(source))
  if (source.startsWith('^')) {
    let regexp: RegExp
    try {
      regexp = new RegExp(source)
    } catch (error) {
      throw invalid(`is not a valid regular expression (${(error as Error).message})`, "'^/api/v\\\\d+/'")
    }
    return regexpMatcher(regexp)
  }
  const parsed = parsePattern(source)
  if (parsed.error !== undefined) throw invalid(parsed.error, parsed.fix)
  const shape = parsed.tokens.map((token) => (token.type === 'text' ? token.value : ':x')).join('')
  if (DOT_SEGMENT.test(shape))
    throw invalid("contains a '.' or '..' segment", quote(source.replace(/\/\.\.?(?=\/|$)/g, '') || '/'))
  const first = parsed.tokens[0]
  if (parsed.tokens.length <= 1 && (first === undefined || first.type === 'text')) {
    return prefixMatcher(first === undefined ? '' : first.value.replace(/\/+$/, ''))
  }
  const { regexp, names } = patternToRegExp(parsed.tokens)
  return {
    kind: 'pattern',
    prefix: undefined,
    tokens: parsed.tokens,
    regexp: undefined,
    params: names,
    matchPath(path) {
      const match = regexp.exec(path)
      if (match === null) return undefined
      const params: Record<string, string | undefined> = {}
      for (let i = 0; i < names.length; i++) params[names[i] as string] = match[i + 1]
      return params
    },
  }
}

function prefixMatcher(prefix: string): Matcher {
  const withSlash = `${prefix}/`
  return {
    kind: 'prefix',
    prefix,
    tokens: undefined,
    regexp: undefined,
    params: ['path'],
    matchPath(path) {
      if (path === prefix) return { path: '' }
      return path.startsWith(withSlash) ? { path: path.slice(withSlash.length) } : undefined
    },
  }
}

function regexpMatcher(regexp: RegExp): Matcher {
  // Every named group appears in `groups` of a match of the empty alternative, matched or not.
  const names = Object.keys(new RegExp(`(?:${regexp.source})|`, regexp.flags).exec('')?.groups ?? {})
  return {
    kind: 'regexp',
    prefix: undefined,
    tokens: undefined,
    regexp,
    params: names,
    matchPath(path) {
      const match = regexp.exec(path)
      if (match === null) return undefined
      return match.groups === undefined ? {} : { ...match.groups }
    },
  }
}

function invalid(message: string, fix: string): Error {
  return createError('ERR_RULE_PATH_INVALID', { message, hint: fix })
}
