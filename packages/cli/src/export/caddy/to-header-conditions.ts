import type { ResolvedRoute } from '@sameorigin/core'
import { caddyToken } from './caddy-token.ts'
import { escapeRe2 } from './escape-re2.ts'

/** JavaScript regular expression syntax Go's RE2 lacks: lookaround, back-references, named groups `(?<`. */
const NOT_RE2 = /\(\?<?[=!]|\\[1-9]|\(\?<[A-Za-z]|\\[ck]/

/**
 * Matcher lines for a route's `matchHeaders` (every condition must hold, as in the engine): a string
 * must equal the value, a RegExp match it, `true` requires the header, `false` its absence. Returns
 * the conditions Caddy cannot test (a RegExp RE2 does not read) in `unsupported`.
 */
export function toHeaderConditions(route: ResolvedRoute): { lines: string[]; unsupported: string[] } {
  const lines: string[] = []
  const unsupported: string[] = []
  for (const [index, [name, condition]] of Object.entries(route.matchHeaders ?? {}).entries()) {
    if (condition === true) lines.push(`header ${caddyToken(name)} *`)
    else if (condition === false) lines.push(`not header ${caddyToken(name)} *`)
    else if (typeof condition === 'string')
      lines.push(`header_regexp h${index} ${caddyToken(name)} ${caddyToken(`^${escapeRe2(condition)}$`)}`)
    else if (NOT_RE2.test(condition.source) || /[^iu]/.test(condition.flags.replaceAll(/[gdsy]/g, '')))
      unsupported.push(`${name}: ${String(condition)}`)
    else {
      const flags = `${condition.flags.includes('i') ? 'i' : ''}${condition.flags.includes('s') ? 's' : ''}`
      const source = flags === '' ? condition.source : `(?${flags})${condition.source}`
      lines.push(`header_regexp h${index} ${caddyToken(name)} ${caddyToken(source)}`)
    }
  }
  return { lines, unsupported }
}
