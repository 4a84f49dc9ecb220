/**
 * A value as an nginx double-quoted string: `\` and `"` escaped. `$` starts a variable in most
 * directives' values; pass `literalDollar` where the value must not interpolate (header values,
 * bodies): it becomes `${sameorigin_dollar}`, which the rendered file defines as a literal `$`.
 */
export function quoteNginx(value: string, literalDollar = false): string {
  const escaped = value.replace(/[\\"]/g, '\\$&')
  return `"${literalDollar ? escaped.replaceAll('$', '${sameorigin_dollar}') : escaped}"`
}
