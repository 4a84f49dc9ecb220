import type { ResolvedRoute } from '@sameorigin/core/rules'
import { translateRegExp } from '../translate-regexp.ts'
import { quoteNginx } from './quote-nginx.ts'

/**
 * A route's `methods` and `matchHeaders` as `if` blocks that answer (nginx cannot send a request on to
 * the next location): 405 for another method, 404 for unmet header conditions. `undefined` when a
 * header's RegExp is outside what PCRE reads the same.
 */
export function renderConditions(route: ResolvedRoute): string[] | undefined {
  const lines: string[] = []
  if (route.methods !== undefined) {
    const methods = [...route.methods].join('|')
    lines.push(`if ($request_method !~ ${quoteNginx(`^(?:${methods})$`)}) {`, '  return 405;', '}')
  }
  for (const [name, condition] of Object.entries(route.matchHeaders ?? {})) {
    const variable = `$http_${name.replaceAll('-', '_')}`
    let test: string
    if (condition === true) test = `${variable} = ""`
    else if (condition === false) test = `${variable} != ""`
    else if (typeof condition === 'string') test = `${variable} != ${quoteNginx(condition, true)}`
    else {
      const regex = translateRegExp(condition)
      if (regex === undefined) return undefined
      test = `${variable} !~ ${quoteNginx(regex.source)}`
    }
    lines.push(`if (${test}) {`, '  return 404;', '}')
  }
  return lines
}
