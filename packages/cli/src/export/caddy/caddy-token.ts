/** Characters a bare Caddyfile token may not hold: whitespace, quotes, braces, a comment's `#`. */
const NEEDS_QUOTES = /[\s"`{}#\\]/

/**
 * `value` as one Caddyfile token: bare when it can be, else quoted. Backticks quote without escapes
 * (Caddy 2.6 reads them so), so regular expressions keep their backslashes; a value holding a
 * backtick is double-quoted with its `"` escaped instead.
 * @example caddyToken('^/api(/.*)?$') // '^/api(/.*)?$'
 * @example caddyToken('a b') // '`a b`'
 */
export function caddyToken(value: string): string {
  if (value !== '' && !NEEDS_QUOTES.test(value)) return value
  if (!value.includes('`')) return `\`${value}\``
  return `"${value.replaceAll('"', String.raw`\"`)}"`
}
