import type { RouteParams } from '../types.ts'
import type { PatternToken } from './parse-pattern.ts'

/**
 * Writes a pattern back out with parameter values: `/v2/:path*` with `{ path: 'a/b' }` → `/v2/a/b`.
 * Values are inserted as they were captured (still percent-encoded). A whole-segment parameter
 * (`/:id?`, `/:path*`, `/:path+`) that is empty or missing disappears with its slash.
 */
export function fillPattern(tokens: readonly PatternToken[], params: RouteParams): string {
  let out = ''
  for (const token of tokens) {
    if (token.type === 'text') {
      out += token.value
      continue
    }
    const value = params[token.name]
    if (token.modifier === '') out += value ?? ''
    else if (value !== undefined && value !== '') out += `/${value}`
  }
  return out
}
