import { normalizeLiteral } from './normalize-literal.ts'
import { quote } from '../internal/quote.ts'

/** How many segments a parameter takes: one (`:id`), zero or one (`:id?`), any (`:path*`), one or more (`:path+`). */
export type ParamModifier = '' | '?' | '*' | '+'

/** One piece of a parsed route path or rewrite template. */
export type PatternToken =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'param'; readonly name: string; readonly modifier: ParamModifier }

/** The result of {@link parsePattern}: tokens, or what is wrong and how to write it. */
export type ParsedPattern =
  | { readonly tokens: readonly PatternToken[]; readonly error?: undefined }
  | { readonly tokens?: undefined; readonly error: string; readonly fix: string }

const NAME = /^[A-Za-z_]\w*/
const REGEX_SYNTAX = '()[]{}|'

/**
 * Parses a route path or a rewrite template: literal text, `:name` (one segment, or part of one:
 * `/file-:id.json`), and whole-segment `/:name?`, `/:name*`, `/:name+`. `\` escapes the next character
 * (`/v1/things\\:batchGet`). Literal text is normalised like request paths.
 * @example parsePattern('/users/:id') // tokens: text '/users', text '/', param id
 */
export function parsePattern(source: string): ParsedPattern {
  if (!source.startsWith('/')) return { error: "must start with '/'", fix: quote(`/${source}`) }
  const tokens: PatternToken[] = []
  const names = new Set<string>()
  let text = ''
  const flush = (): void => {
    if (text !== '') tokens.push({ type: 'text', value: normalizeLiteral(text) })
    text = ''
  }
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string
    if (char === '\\') {
      if (i + 1 === source.length)
        return { error: 'ends with a lone backslash', fix: quote(source.slice(0, -1)) }
      text += source[++i]
    } else if (char === ':') {
      const name = NAME.exec(source.slice(i + 1))?.[0]
      if (name === undefined) {
        return {
          error: "':' must be followed by a parameter name (write '\\\\:' for a literal colon)",
          fix: "'/users/:id'",
        }
      }
      if (names.has(name))
        return { error: `the parameter ':${name}' appears twice`, fix: 'give each parameter its own name' }
      if (text === '' && tokens.at(-1)?.type === 'param') {
        return {
          error: `':${name}' directly follows another parameter`,
          fix: "separate parameters with text: '/:from-:to'",
        }
      }
      names.add(name)
      i += name.length
      const modifier = source[i + 1]
      if (modifier === '?' || modifier === '*' || modifier === '+') {
        const next = source[i + 2]
        if (!text.endsWith('/') || (next !== undefined && next !== '/')) {
          return {
            error: `':${name}${modifier}' must be a whole segment`,
            fix: quote(`/files/:${name}${modifier}`),
          }
        }
        // The parameter owns its leading slash, so `/files/:path*` also matches `/files`.
        text = text.slice(0, -1)
        flush()
        tokens.push({ type: 'param', name, modifier })
        i++
      } else {
        flush()
        tokens.push({ type: 'param', name, modifier: '' })
      }
    } else if (char === '*') {
      return { error: "'*' is not a wildcard here", fix: wildcardFix(source, i) }
    } else if (char === '?') {
      return {
        error: "'?' would start a query string; routes match the path only (the query is forwarded)",
        fix: quote(source.slice(0, i)),
      }
    } else if (char === '#') {
      return { error: "'#' starts a fragment, which browsers never send", fix: quote(source.slice(0, i)) }
    } else if (REGEX_SYNTAX.includes(char)) {
      return {
        error: `'${char}' is regular expression syntax`,
        fix: `start the key with '^' for a regular expression: ${quote(`^${source}`)}`,
      }
    } else {
      text += char
    }
  }
  flush()
  return { tokens }
}

function wildcardFix(source: string, index: number): string {
  const before = source.slice(0, index).replace(/\/+$/, '')
  return `${quote(before || '/')} (a prefix also matches everything below it) or ${quote(`${before}/:path*`)}`
}
