import type { RewriteFunction } from '../types.ts'
import type { Matcher } from './compile-matcher.ts'
import { normalizeLiteral } from './normalize-literal.ts'
import { quote } from '../internal/quote.ts'

/** `pathRewrite` read in our terms: a template, a function, nothing, or what is wrong with it. */
export type TranslatedPathRewrite =
  | { readonly kind: 'template'; readonly template: string }
  | { readonly kind: 'function'; readonly rewrite: RewriteFunction }
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly message: string; readonly fix: string }

// `^/api`, `^/api/` (RegExp sources spell `/` as `\/`, and a literal dot is `\.`): a prefix replacement.
const LITERAL_PREFIX = /^\^((?:\\[/.]|[\w\-~/])*?)\/?$/
const LITERAL_PATH = /^(?:\/[\w\-.~/]*)?$/

/**
 * Translates http-proxy-middleware's `pathRewrite` (also Angular's and webpack-dev-server's).
 * The common `{ '^/api': '' }` / `{ '^/api': '/v2' }` on a prefix route `/api` becomes the template
 * `/:path*` / `/v2/:path*`, which is reversible (redirects and cookie paths map back). Any other
 * object becomes a function with http-proxy-middleware's semantics (the first matching expression is
 * replaced); a function is used as is (it receives `{ params, search }`, not `req`, as second argument).
 */
export function translatePathRewrite(pathRewrite: unknown, matcher: Matcher): TranslatedPathRewrite {
  if (typeof pathRewrite === 'function') return { kind: 'function', rewrite: pathRewrite as RewriteFunction }
  if (typeof pathRewrite !== 'object' || pathRewrite === null || Array.isArray(pathRewrite)) {
    return {
      kind: 'invalid',
      message: 'must be an object of { regexp: replacement } or a function',
      fix: "pathRewrite: { '^/api': '' }",
    }
  }
  const rules: (readonly [RegExp, string])[] = []
  for (const [pattern, replacement] of Object.entries(pathRewrite)) {
    if (typeof replacement !== 'string') {
      return {
        kind: 'invalid',
        message: `the replacement for '${pattern}' must be a string`,
        fix: `pathRewrite: { ${quote(pattern)}: '' }`,
      }
    }
    try {
      rules.push([new RegExp(pattern), replacement])
    } catch (error) {
      return {
        kind: 'invalid',
        message: `'${pattern}' is not a valid regular expression (${(error as Error).message})`,
        fix: "pathRewrite: { '^/api': '' }",
      }
    }
  }
  // On a prefix route, `^/other` can never apply (context: ['/auth', '/api'] sharing `{ '^/api': '' }`).
  const applicable =
    matcher.kind === 'prefix'
      ? rules.filter(([pattern]) => canApply(pattern, matcher.prefix as string))
      : rules
  if (applicable.length === 0) return { kind: 'none' }
  const [only] = applicable
  if (
    applicable.length === 1 &&
    only !== undefined &&
    literalPrefix(only[0]) === matcher.prefix &&
    LITERAL_PATH.test(only[1])
  ) {
    return { kind: 'template', template: `${only[1].replace(/\/+$/, '')}/:path*` }
  }
  return {
    kind: 'function',
    rewrite: (path) => {
      for (const [pattern, replacement] of applicable)
        if (pattern.test(path)) return path.replace(pattern, replacement)
      return path
    },
  }
}

/** The literal prefix a `^/api`-style expression stands for (normalised, no trailing slash), if it is one. */
function literalPrefix(pattern: RegExp): string | undefined {
  const literal = LITERAL_PREFIX.exec(pattern.source)?.[1]?.replace(/\\([/.])/g, '$1')
  return literal === undefined ? undefined : normalizeLiteral(literal).replace(/\/+$/, '')
}

/** False only when `pattern` is a literal prefix that no path below `prefix` can start with. */
function canApply(pattern: RegExp, prefix: string): boolean {
  const literal = literalPrefix(pattern)
  if (literal === undefined) return true
  // The expression matches strings, not segments: `^/ap` applies to `/api/x`.
  return prefix.startsWith(literal) || literal.startsWith(`${prefix}/`)
}
