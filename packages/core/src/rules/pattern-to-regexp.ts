import type { PatternToken } from './parse-pattern.ts'

/** A pattern compiled to one anchored RegExp, with the parameter each capture group fills. */
export interface CompiledPattern {
  readonly regexp: RegExp
  readonly names: readonly string[]
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g

/**
 * Compiles pattern tokens to a RegExp matched against a whole normalised path. `:id` takes one
 * segment (`[^/]+`); `/:id?` one optional segment; `/:path*` and `/:path+` the rest of the path, empty
 * segments and trailing slash included (so `/:path*` really matches every path, as a prefix would).
 * A trailing slash on the request is always allowed, as in Next.js and path-to-regexp.
 */
export function patternToRegExp(tokens: readonly PatternToken[]): CompiledPattern {
  let source = '^'
  const names: string[] = []
  for (const token of tokens) {
    if (token.type === 'text') {
      source += token.value.replace(SPECIAL, '\\$&')
      continue
    }
    names.push(token.name)
    if (token.modifier === '') source += '([^/]+)'
    else if (token.modifier === '?') source += '(?:/([^/]+))?'
    else if (token.modifier === '*') source += '(?:/(.*))?'
    else source += '/(.+)'
  }
  if (!source.endsWith('/')) source += '/?'
  return { regexp: Object.freeze(new RegExp(`${source}$`)), names: Object.freeze(names) }
}
