/**
 * A literal header value for Caddy: its `{` and `}` escaped, so Caddy does not read `{...}` in a
 * value the config wrote (a JSON token, say) as one of its placeholders.
 * @example caddyLiteral('{"a":1}') // '\\{"a":1\\}'
 */
export function caddyLiteral(value: string): string {
  return value.replaceAll('{', String.raw`\{`).replaceAll('}', String.raw`\}`)
}
