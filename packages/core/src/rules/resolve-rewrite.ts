import type { RewriteFunction } from '../types.ts'
import type { Matcher } from './compile-matcher.ts'
import type { PatternToken } from './parse-pattern.ts'
import { describeValue } from '../internal/describe-value.ts'
import { parsePattern } from './parse-pattern.ts'
import { quote } from '../internal/quote.ts'
import { splitRewriteQuery } from './rewrite-query.ts'
import { translatePathRewrite } from './translate-path-rewrite.ts'

/** A route's rewrite, ready to compile, or what is wrong with it. */
export type ResolvedRewrite =
  | {
      readonly rewrite: readonly PatternToken[] | RewriteFunction | undefined
      /** The template text (also for a translated `pathRewrite`), for display and translation. */
      readonly template: string | undefined
      /** A template's own query (`?legacy=1`), or `''`: merged with the request's (`mergeQuery`). */
      readonly query?: string
      readonly problem?: undefined
    }
  | { readonly problem: { readonly path: string; readonly message: string; readonly fix: string } }

/**
 * Reads `rewrite` (a template using the route's parameters, or a function) or a pasted `pathRewrite`.
 * A template may only use parameters the route captures: `/users/:id` offers `:id`, a prefix route
 * offers `:path*` (what follows the prefix), a RegExp its named groups. A `?` that is no parameter's
 * modifier starts the template's query (`/v1/:path*?legacy=1`), kept literally.
 */
export function resolveRewrite(
  options: Readonly<Record<string, unknown>>,
  matcher: Matcher,
  configPath: string,
): ResolvedRewrite {
  let template: unknown = options.rewrite
  let path = `${configPath}.rewrite`
  if (options.pathRewrite !== undefined && template === undefined) {
    const translated = translatePathRewrite(options.pathRewrite, matcher)
    path = `${configPath}.pathRewrite`
    if (translated.kind === 'invalid')
      return { problem: { path, message: translated.message, fix: translated.fix } }
    if (translated.kind === 'none') return { rewrite: undefined, template: undefined }
    if (translated.kind === 'function') return { rewrite: translated.rewrite, template: undefined }
    template = translated.template
  }
  if (template === undefined) return { rewrite: undefined, template: undefined }
  if (typeof template === 'function') return { rewrite: template as RewriteFunction, template: undefined }
  if (typeof template !== 'string') {
    const message = `must be a path template or a function, got ${describeValue(template)}`
    return {
      problem: {
        path,
        message,
        fix: "rewrite: '/v2/:path*' or rewrite: (path) => path.replace(/^\\/api/, '')",
      },
    }
  }
  const { path: pathTemplate, query } = splitRewriteQuery(template)
  const parsed = parsePattern(pathTemplate)
  if (parsed.error !== undefined) {
    return {
      problem: {
        path,
        message: parsed.error,
        fix: parsed.fix.startsWith("'") ? `rewrite: ${parsed.fix}` : parsed.fix,
      },
    }
  }
  const offered = matcher.kind === 'prefix' ? [':path*'] : matcher.params.map((name) => `:${name}`)
  for (const token of parsed.tokens) {
    if (token.type === 'param' && !matcher.params.includes(token.name)) {
      const message =
        offered.length === 0
          ? `uses :${token.name}, but the route's path captures no parameters`
          : `uses :${token.name}, but the route's path only captures ${offered.join(', ')}`
      const fix =
        matcher.kind === 'regexp'
          ? `name the group in the path: (?<${token.name}>[^/]+)`
          : `rewrite: ${quote(template.replace(`:${token.name}`, offered[0] ?? ''))}`
      return { problem: { path, message, fix } }
    }
  }
  return { rewrite: parsed.tokens, template, query }
}
